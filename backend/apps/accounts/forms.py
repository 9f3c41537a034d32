"""The admin's login form, through the same failed-login guard as the API login (docs/auth.md#rate-limits),
and with a second factor for staff when ``ADMIN_REQUIRE_2FA`` is on (docs/auth.md#the-django-admin)."""

import math
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy, ngettext
from unfold.forms import AuthenticationForm as UnfoldAuthenticationForm
from unfold.widgets import UnfoldAdminTextInputWidget

from apps.accounts.services.sessions import user_authenticate
from apps.common.auth import client_ip
from apps.common.exceptions import ApplicationError, RateLimited
from apps.mfa.services.admin_login import admin_second_factor_check


def _throttled(error: RateLimited) -> ValidationError:
    minutes = math.ceil(error.retry_after / 60)
    return ValidationError(
        ngettext(
            "Too many failed logins. Try again in %(minutes)d minute.",
            "Too many failed logins. Try again in %(minutes)d minutes.",
            minutes,
        ),
        code="throttled",
        params={"minutes": minutes},
    )


class AdminLoginForm(UnfoldAuthenticationForm):
    """Django's admin login form (in unfold's look) with the password checked by ``user_authenticate``.

    Wrong passwords count against the same per-address and per-account limits as
    ``POST /api/v1/auth/login/``; while they refuse, the form says so and for how many minutes.
    With ``ADMIN_REQUIRE_2FA`` staff also give a TOTP or recovery code (wrong ones count alike),
    and staff without one are sent to set it up.
    """

    otp_code = forms.CharField(
        label=gettext_lazy("Two-factor code"),
        help_text=gettext_lazy("From your authenticator app, or one of your recovery codes."),
        max_length=32,
        required=False,
        widget=UnfoldAdminTextInputWidget(attrs={"autocomplete": "one-time-code"}),
    )

    def clean(self) -> dict[str, Any]:
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if self.request is None:
            raise TypeError("AdminLoginForm needs the request: the failed-login guard counts by client address.")
        if email is not None and password:
            ip = client_ip(self.request)
            try:
                self.user_cache = user_authenticate(email=email, password=password, ip=ip)
            except RateLimited as error:
                raise _throttled(error) from None
            except ApplicationError:
                raise self.get_invalid_login_error() from None
            # Staff only, active only: Django's own rule and message.
            self.confirm_login_allowed(self.user_cache)
            if settings.ADMIN_REQUIRE_2FA:
                try:
                    admin_second_factor_check(user=self.user_cache, code=self.cleaned_data.get("otp_code") or "", ip=ip)
                except ApplicationError as error:
                    raise ValidationError(error.detail, code=error.code) from None
        return self.cleaned_data
