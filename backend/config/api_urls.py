"""Version 1 of the API: one include per app."""

from django.urls import include, path

from apps.accounts.urls import auth_urlpatterns, users_urlpatterns
from apps.mfa import urls as mfa_urls

app_name = "api"

urlpatterns = [
    path("auth/", include((auth_urlpatterns, "auth"))),
    path("users/", include((users_urlpatterns, "users"))),
    # Second factors, passkeys and re-authentication (apps/mfa): under auth/ and users/me/.
    path("auth/", include((mfa_urls.auth_urlpatterns, "mfa-auth"))),
    path("users/me/", include((mfa_urls.users_urlpatterns, "mfa"))),
    path("users/me/exports/", include(("apps.exports.urls", "exports"))),
    path("", include(("apps.content.urls", "content"))),
    # uploads/ and users/me/avatar/ (the accounts include above matches nothing under me/avatar/).
    path("", include(("apps.uploads.urls", "uploads"))),
]
