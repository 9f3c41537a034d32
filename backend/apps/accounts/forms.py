"""The admin's login form, through the same failed-login guard as the API login (docs/auth.md#rate-limits)."""

import math
from typing import Any

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from apps.accounts.services.sessions import user_authenticate
from apps.common.auth import client_ip
from apps.common.exceptions import ApplicationError, RateLimited


class AdminLoginForm(AdminAuthenticationForm):
    """Django's admin login form with the password checked by ``user_authenticate``.

    Wrong passwords count against the same per-address and per-account limits as
    ``POST /api/v1/auth/login/``; while they refuse, the form says so and for how many minutes.
    """

    def clean(self) -> dict[str, Any]:
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if self.request is None:
            raise TypeError("AdminLoginForm needs the request: the failed-login guard counts by client address.")
        if email is not None and password:
            try:
                self.user_cache = user_authenticate(email=email, password=password, ip=client_ip(self.request))
            except RateLimited as error:
                minutes = math.ceil(error.retry_after / 60)
                raise ValidationError(
                    ngettext(
                        "Too many failed logins. Try again in %(minutes)d minute.",
                        "Too many failed logins. Try again in %(minutes)d minutes.",
                        minutes,
                    ),
                    code="throttled",
                    params={"minutes": minutes},
                ) from None
            except ApplicationError:
                raise self.get_invalid_login_error() from None
            # Staff only, active only: Django's own rule and message.
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data
