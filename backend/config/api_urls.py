"""Version 1 of the API: one include per app."""

from django.urls import include, path

from apps.accounts.urls import auth_urlpatterns, users_urlpatterns

app_name = "api"

urlpatterns = [
    path("auth/", include((auth_urlpatterns, "auth"))),
    path("users/", include((users_urlpatterns, "users"))),
]
