from apps.accounts.models import User
from apps.exports.models import Export


def export_get_for_user(*, user: User, export_id: str) -> Export | None:
    """Someone else's export is as absent as an unknown one."""
    return Export.objects.filter(pk=export_id, user=user).first()
