"""Social logins linked to an account (the login itself is the pipeline in apps/accounts/social.py)."""

from http import HTTPStatus

from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from social_django.models import UserSocialAuth

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError


@transaction.atomic
def social_account_disconnect(*, user: User, account_id: int) -> None:
    account = UserSocialAuth.objects.select_for_update().filter(pk=account_id, user=user).first()
    if account is None:
        raise Http404
    others = UserSocialAuth.objects.filter(user=user).exclude(pk=account.pk).exists()
    if not others and not user.has_usable_password():
        raise ApplicationError(
            code="last_login_method",
            detail=_("This is your only way to log in. Set a password (reset it by email) before unlinking it."),
            status_code=HTTPStatus.CONFLICT,
        )
    account.delete()
