"""Accounts, passwords, JWT sessions and sign-in providers."""

from datetime import timedelta
from urllib.parse import urlsplit

from config.settings.base import FRONTEND_URL, SECRET_KEY
from config.settings.environment import DJANGO_ENV, IS_PRODUCTION, IS_TEST, env

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # [copier] if social_github
    "social_core.backends.github.GithubOAuth2",
    "social_core.backends.github_enterprise.GithubEnterpriseOAuth2",
    # [copier] end
    # [copier] if social_google
    "social_core.backends.google.GoogleOAuth2",
    # [copier] end
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if IS_TEST:
    # Argon2 is slow by design; tests hash hundreds of passwords.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
ACCOUNTS_REQUIRE_EMAIL_VERIFICATION = env.bool("ACCOUNTS_REQUIRE_EMAIL_VERIFICATION", default=True)
ACCOUNTS_EMAIL_VERIFICATION_MAX_AGE = timedelta(days=3)
# How long the link that confirms a new email address works (apps/accounts/services/email_change.py).
ACCOUNTS_EMAIL_CHANGE_MAX_AGE = timedelta(days=1)
# Accounts never verified are deleted this long after sign-up (beat: delete_unverified_accounts).
ACCOUNTS_UNVERIFIED_RETENTION = timedelta(days=env.int("ACCOUNTS_UNVERIFIED_RETENTION_DAYS", default=30))
# Failed logins (apps/accounts/services/login_failures.py, docs/auth.md#rate-limits). Per client
# address and account: this many in a window of this length, then 429 until the window ends.
ACCOUNTS_LOGIN_FAILURE_LIMIT = 5
ACCOUNTS_LOGIN_FAILURE_WINDOW = timedelta(minutes=15)
# Per account, whatever the address: guesses spread over many addresses. From this many failures
# within the window (counted from the first), password login of the account pauses for PAUSE_BASE,
# doubled by each further failure up to PAUSE_MAX, and the owner is emailed once.
ACCOUNTS_LOGIN_ACCOUNT_FAILURE_LIMIT = 20
ACCOUNTS_LOGIN_ACCOUNT_FAILURE_WINDOW = timedelta(days=1)
ACCOUNTS_LOGIN_ACCOUNT_PAUSE_BASE = timedelta(minutes=1)
ACCOUNTS_LOGIN_ACCOUNT_PAUSE_MAX = timedelta(hours=1)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3

# https://django-rest-framework-simplejwt.readthedocs.io/en/latest/settings.html
REFRESH_TOKEN_LIFETIME = timedelta(days=env.int("JWT_REFRESH_TOKEN_LIFETIME_DAYS", default=7))
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(seconds=env.int("JWT_ACCESS_TOKEN_LIFETIME_SECONDS", default=15 * 60)),
    "REFRESH_TOKEN_LIFETIME": REFRESH_TOKEN_LIFETIME,
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "ALGORITHM": "HS256",
    "SIGNING_KEY": SECRET_KEY,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
}
# A refresh token presented again within this many seconds of its rotation gets a new pair
# instead of the reuse alarm (which ends every session of the user): a reload that aborts a
# refresh in flight, or two tabs without Web Locks, re-present the just-rotated cookie. A copy
# used within the window goes undetected, hence short. 0 switches the grace off.
AUTH_REFRESH_REUSE_GRACE_SECONDS = env.int("AUTH_REFRESH_REUSE_GRACE_SECONDS", default=10)
# Each refresh-token family is a session (apps.accounts.models.UserSession, docs/auth.md).
# A sign-in from a device (user-agent label and /24 or /48 network) none of the user's sessions
# came from emails the owner; never the first sign-in of an account.
AUTH_NEW_DEVICE_EMAIL = env.bool("AUTH_NEW_DEVICE_EMAIL", default=True)
# Ended and expired sessions are kept this long as the memory of known devices, then deleted.
AUTH_SESSION_HISTORY = timedelta(days=90)
# A local MaxMind database (GeoLite2-City.mmdb or similar) for the place shown next to a session;
# empty shows none. Nothing is looked up over the network.
GEOIP_PATH = env.str("GEOIP_PATH", default="")
AUTH_REFRESH_COOKIE = {
    "name": "refresh_token",
    "path": "/api/v1/auth/",
    "samesite": "Lax",
    "secure": env.bool("AUTH_COOKIE_SECURE", default=DJANGO_ENV != "development"),
    "max_age": int(REFRESH_TOKEN_LIFETIME.total_seconds()),
}

# [copier] if social
# --- Social login -------------------------------------------------------------------
# https://python-social-auth.readthedocs.io/en/latest/configuration/django.html
# [copier] if social_github
SOCIAL_AUTH_GITHUB_KEY = env.str("SOCIAL_AUTH_GITHUB_KEY", default="")
SOCIAL_AUTH_GITHUB_SECRET = env.str("SOCIAL_AUTH_GITHUB_SECRET", default="")
# With this scope GitHub lists every address with its "verified" flag; the pipeline needs it.
SOCIAL_AUTH_GITHUB_SCOPE = ["user:email"]
# GitHub Enterprise Server: URL is the web root (https://github.example.com/), API_URL its
# REST root (https://github.example.com/api/v3/). The browser tests point it at a local stub.
SOCIAL_AUTH_GITHUB_ENTERPRISE_URL = env.str("SOCIAL_AUTH_GITHUB_ENTERPRISE_URL", default="")
SOCIAL_AUTH_GITHUB_ENTERPRISE_API_URL = env.str("SOCIAL_AUTH_GITHUB_ENTERPRISE_API_URL", default="")
SOCIAL_AUTH_GITHUB_ENTERPRISE_KEY = env.str("SOCIAL_AUTH_GITHUB_ENTERPRISE_KEY", default="")
SOCIAL_AUTH_GITHUB_ENTERPRISE_SECRET = env.str("SOCIAL_AUTH_GITHUB_ENTERPRISE_SECRET", default="")
SOCIAL_AUTH_GITHUB_ENTERPRISE_SCOPE = ["user:email"]
# [copier] end
# [copier] if social_google
SOCIAL_AUTH_GOOGLE_OAUTH2_KEY = env.str("SOCIAL_AUTH_GOOGLE_OAUTH2_KEY", default="")
SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = env.str("SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET", default="")
# [copier] end
SOCIAL_AUTH_USER_MODEL = AUTH_USER_MODEL
SOCIAL_AUTH_REDIRECT_IS_HTTPS = IS_PRODUCTION
SOCIAL_AUTH_PIPELINE = (
    "social_core.pipeline.social_auth.social_details",
    "social_core.pipeline.social_auth.social_uid",
    "social_core.pipeline.social_auth.auth_allowed",
    "social_core.pipeline.social_auth.social_user",
    "apps.accounts.social.require_verified_email",
    "apps.accounts.social.associate_by_verified_email",
    "apps.accounts.social.create_user",
    "social_core.pipeline.social_auth.associate_user",
    "social_core.pipeline.social_auth.load_extra_data",
    "apps.accounts.social.fill_missing_names",
)
# [copier] end

# --- Second factors and passkeys (apps/mfa, docs/auth.md#two-factor-authentication) ----
# The first step (a password or a provider) of an account with a second factor answers a ticket, good for
# this many seconds and this many wrong codes; the second step trades it for a session.
AUTH_MFA_TICKET_TTL = env.int("AUTH_MFA_TICKET_TTL", default=300)
AUTH_MFA_TICKET_MAX_FAILURES = 5
# A WebAuthn challenge is answered once, within this many seconds.
AUTH_WEBAUTHN_CHALLENGE_TTL = env.int("AUTH_WEBAUTHN_CHALLENGE_TTL", default=300)
# Endpoints that change second factors want an access token re-authenticated this recently.
AUTH_REAUTH_MAX_AGE = env.int("AUTH_REAUTH_MAX_AGE", default=300)
# The WebAuthn relying party: the frontend's host, where the browser runs the ceremony.
WEBAUTHN_RP_ID = env.str("WEBAUTHN_RP_ID", default="") or (urlsplit(FRONTEND_URL).hostname or "localhost")
# Shown by authenticators and authenticator apps (also the TOTP issuer).
WEBAUTHN_RP_NAME = env.str("WEBAUTHN_RP_NAME", default="Starter")
WEBAUTHN_ORIGINS = env.list("WEBAUTHN_ORIGINS", default=[FRONTEND_URL])
# Encrypts TOTP secrets at rest (Fernet). Empty: derived from SECRET_KEY, so rotating that key
# then voids every authenticator app; set it to rotate SECRET_KEY independently.
MFA_ENCRYPTION_KEY = env.str("MFA_ENCRYPTION_KEY", default="") or SECRET_KEY
# Staff must give a TOTP or recovery code at the admin login (and have a second factor at all).
ADMIN_REQUIRE_2FA = env.bool("ADMIN_REQUIRE_2FA", default=IS_PRODUCTION)
