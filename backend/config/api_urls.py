"""Version 1 of the API: one include per app."""

from django.urls import include, path

from apps.accounts.urls import auth_urlpatterns, users_urlpatterns

app_name = "api"

urlpatterns = [
    path("auth/", include((auth_urlpatterns, "auth"))),
    path("users/", include((users_urlpatterns, "users"))),
    path("users/me/exports/", include(("apps.exports.urls", "exports"))),
    path("", include(("apps.content.urls", "content"))),
    # uploads/ and users/me/avatar/ (the accounts include above matches nothing under me/avatar/).
    path("", include(("apps.uploads.urls", "uploads"))),
]
