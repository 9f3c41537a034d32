from django.urls import path

from apps.accounts import apis

auth_urlpatterns = [
    path("register/", apis.RegisterApi.as_view(), name="register"),
    path("verify-email/", apis.VerifyEmailApi.as_view(), name="verify-email"),
    path("verify-email/resend/", apis.VerifyEmailResendApi.as_view(), name="verify-email-resend"),
    path("login/", apis.LoginApi.as_view(), name="login"),
    path("refresh/", apis.RefreshApi.as_view(), name="refresh"),
    path("logout/", apis.LogoutApi.as_view(), name="logout"),
    path("password/reset/", apis.PasswordResetApi.as_view(), name="password-reset"),
    path("password/reset/confirm/", apis.PasswordResetConfirmApi.as_view(), name="password-reset-confirm"),
    path("password/change/", apis.PasswordChangeApi.as_view(), name="password-change"),
]

users_urlpatterns = [
    path("me/", apis.UserMeApi.as_view(), name="me"),
]
