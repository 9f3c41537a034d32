"""CORS, CSRF, security headers and HTTPS. Browser and API share one origin (docs/security.md)."""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF

from config.settings.base import DEBUG
from config.settings.environment import IS_PRODUCTION, env
from config.settings.storage import AWS_S3_PUBLIC_ENDPOINT_URL, AWS_S3_REGION_NAME, AWS_STORAGE_BUCKET_NAME

# Browser and API share one origin, so CORS stays closed unless origins are listed.
# https://github.com/adamchainz/django-cors-headers#configuration
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOW_CREDENTIALS = bool(CORS_ALLOWED_ORIGINS)
CORS_URLS_REGEX = r"^/api/.*$"
CORS_EXPOSE_HEADERS = ["X-Request-ID", "Retry-After"]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if IS_PRODUCTION:
    # https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/#https
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # Probes and metrics scrapes come over plain HTTP from inside the cluster.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Content-Security-Policy of every response Django serves (the admin, the API docs, JSON, which
# a browser may be tricked into rendering): only this origin's own scripts, styles and images,
# no inline script or style, no framing. The admin (django-unfold) adds 'unsafe-eval' and inline
# styles on its pages only (apps/common/admin_site.py);
# the API docs add what Swagger UI and Redoc need on their pages only (config/urls.py). The
# Next.js app sets its own policy (frontend proxy). https://django-csp.readthedocs.io/
# The media bucket's origin, where browsers load (presigned GET) and upload (presigned POST) files.
MEDIA_ORIGINS: list[str] = []
if AWS_S3_PUBLIC_ENDPOINT_URL:  # the admin shows cover images from the bucket
    _endpoint = urlsplit(AWS_S3_PUBLIC_ENDPOINT_URL)
    MEDIA_ORIGINS.append(f"{_endpoint.scheme}://{_endpoint.netloc}")
elif AWS_STORAGE_BUCKET_NAME:
    MEDIA_ORIGINS += [
        f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com",
        f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com",
    ]
_csp = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}
# With DEBUG, Django's own error pages (inline style and script) must still render: the policy
# is only reported there, in the browser's console. Enforced everywhere else, tests included.
CONTENT_SECURITY_POLICY = None if DEBUG else _csp
CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp if DEBUG else None
