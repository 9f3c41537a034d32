from django.conf import settings

from apps.common.emails import email_send, frontend_link
from apps.exports.models import Export


def export_ready_email_send(*, export: Export) -> None:
    # The link opens the account page, which fetches a fresh download URL: a presigned URL
    # in the email could expire before the user reads it.
    email_send(
        to=export.user.email,
        template="exports/email/export_ready",
        context={
            "user": export.user,
            "export": export,
            "link": frontend_link("/account", language=export.user.language),
            "frontend_url": settings.FRONTEND_URL,
        },
        language=export.user.language,
    )
