"""The second factor of the Django admin login (``ADMIN_REQUIRE_2FA``): a TOTP or a recovery code.

The admin is a plain HTML form, so a passkey cannot answer there; staff with only passkeys use a
recovery code or add an authenticator app. Wrong codes count in the failed-login guard like wrong
passwords.
"""

from http import HTTPStatus

from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.accounts.services.login_failures import login_failure_record
from apps.common.exceptions import ApplicationError
from apps.mfa.models import RecoveryCode
from apps.mfa.selectors import user_totp_enabled
from apps.mfa.services.recovery_codes import recovery_code_use
from apps.mfa.services.totp import totp_verify


def admin_second_factor_check(*, user: User, code: str, ip: str) -> None:
    """Raises ``ApplicationError`` unless ``code`` is a current TOTP or an unused recovery code of ``user``."""
    totp_on = user_totp_enabled(user=user)
    if not totp_on and not RecoveryCode.objects.filter(user=user, used_at__isnull=True).exists():
        raise ApplicationError(
            code="second_factor_missing",
            detail=_(
                "Staff need two-factor authentication for the admin. Set up an authenticator app on your "
                "account page first, then log in here again."
            ),
            status_code=HTTPStatus.FORBIDDEN,
        )
    code = code.strip()
    if not code:
        raise ApplicationError(
            code="code_required",
            detail=_("Enter the code from your authenticator app, or a recovery code."),
            status_code=HTTPStatus.BAD_REQUEST,
        )
    if (totp_on and totp_verify(user=user, code=code)) or recovery_code_use(user=user, code=code):
        return
    login_failure_record(ip=ip, email=user.email)
    raise ApplicationError(
        code="invalid_code", detail=_("This code is not valid. Check it and try again."), status_code=401
    )
