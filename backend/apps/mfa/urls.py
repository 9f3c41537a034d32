from django.urls import path

from apps.mfa.apis import account, login

auth_urlpatterns = [
    path("mfa/totp/", login.MfaTotpApi.as_view(), name="mfa-totp"),
    path("mfa/recovery-code/", login.MfaRecoveryCodeApi.as_view(), name="mfa-recovery-code"),
    path("mfa/passkey/options/", login.MfaPasskeyOptionsApi.as_view(), name="mfa-passkey-options"),
    path("mfa/passkey/", login.MfaPasskeyApi.as_view(), name="mfa-passkey"),
    path("passkey/options/", login.PasskeyLoginOptionsApi.as_view(), name="passkey-options"),
    path("passkey/login/", login.PasskeyLoginApi.as_view(), name="passkey-login"),
    path("reauthenticate/options/", login.ReauthenticateOptionsApi.as_view(), name="reauthenticate-options"),
    path("reauthenticate/", login.ReauthenticateApi.as_view(), name="reauthenticate"),
]

users_urlpatterns = [
    path("mfa/", account.MfaStatusApi.as_view(), name="mfa"),
    path("mfa/totp/setup/", account.TotpSetupApi.as_view(), name="totp-setup"),
    path("mfa/totp/confirm/", account.TotpConfirmApi.as_view(), name="totp-confirm"),
    path("mfa/totp/", account.TotpApi.as_view(), name="totp"),
    path("mfa/recovery-codes/", account.RecoveryCodesApi.as_view(), name="recovery-codes"),
    path("passkeys/", account.PasskeyListApi.as_view(), name="passkeys"),
    path("passkeys/options/", account.PasskeyOptionsApi.as_view(), name="passkey-options"),
    path("passkeys/<int:passkey_id>/", account.PasskeyDetailApi.as_view(), name="passkey-detail"),
]
