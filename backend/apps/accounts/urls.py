from django.urls import path

from apps.accounts import apis, email_change_apis, session_apis

# [copier] if social
from apps.accounts.social_apis import (
    SocialAccountDetailApi,
    SocialAccountListApi,
    SocialProvidersApi,
    social_complete,
    social_login,
)

# [copier] end

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
    path("email/change/confirm/", email_change_apis.EmailChangeConfirmApi.as_view(), name="email-change-confirm"),
    # [copier] if social
    path("social/providers/", SocialProvidersApi.as_view(), name="social-providers"),
    path("social/<str:provider>/login/", social_login, name="social-login"),
    path("social/<str:provider>/complete/", social_complete, name="social-complete"),
    # [copier] end
]

users_urlpatterns = [
    path("me/", apis.UserMeApi.as_view(), name="me"),
    path("me/email/", email_change_apis.EmailChangeApi.as_view(), name="email-change"),
    # [copier] if social
    path("me/social-accounts/", SocialAccountListApi.as_view(), name="social-accounts"),
    path("me/social-accounts/<int:account_id>/", SocialAccountDetailApi.as_view(), name="social-account-detail"),
    # [copier] end
    path("me/sessions/", session_apis.SessionListApi.as_view(), name="sessions"),
    path("me/sessions/end-others/", session_apis.SessionEndOthersApi.as_view(), name="sessions-end-others"),
    path("me/sessions/<uuid:session_id>/", session_apis.SessionDetailApi.as_view(), name="session-detail"),
]
