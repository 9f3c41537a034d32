"""Outgoing email, from one URL: console in development, memory in tests, SMTP in production."""

from urllib.parse import urlsplit

from config.settings.environment import IS_TEST, env

# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-email-url
_email = env.email_url("EMAIL_URL", default="memorymail://" if IS_TEST else "consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
if EMAIL_BACKEND.endswith("filebased.EmailBackend"):
    # django-environ drops the leading slash of filemail:///abs/dir; take the path as written.
    EMAIL_FILE_PATH = urlsplit(env.str("EMAIL_URL")).path
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Starter <no-reply@localhost>")
