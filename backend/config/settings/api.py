"""Django REST framework and the OpenAPI schema (drf-spectacular)."""

import ipaddress

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import DEBUG
from config.settings.environment import IS_PRODUCTION, env

# https://www.django-rest-framework.org/api-guide/settings/
REST_FRAMEWORK = {
    # simplejwt's own class: it reads the token's user from the database on every request, so a
    # deactivated, deleted or changed user is seen at once (docs/decisions/0013-bearer-user-from-the-database.md).
    "DEFAULT_AUTHENTICATION_CLASSES": ["apps.accounts.authentication.SessionJWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["djangorestframework_camel_case.render.CamelCaseJSONRenderer"]
    + (["djangorestframework_camel_case.render.CamelCaseBrowsableAPIRenderer"] if DEBUG else []),
    # JSON only; the one multipart endpoint (local uploads) names its parser itself.
    "DEFAULT_PARSER_CLASSES": ["apps.common.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "apps.common.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "apps.common.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "apps.common.exceptions.problem_exception_handler",
    # https://www.django-rest-framework.org/api-guide/throttling/ : DRF's throttles for every limit,
    # counted in the default cache (Redis when REDIS_URL is set). The global ones apply to every view;
    # views with a throttle_scope add ScopedRateThrottle. An empty rate from the environment
    # switches that limit off (docs/decisions/0014-drf-throttles-for-every-limit.md).
    "DEFAULT_THROTTLE_CLASSES": [
        "apps.common.throttling.AnonRateThrottle",
        "apps.common.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("THROTTLE_ANON_RATE", default="300/min") or None,
        "user": env.str("THROTTLE_USER_RATE", default="600/min") or None,
        "auth_login": "20/min",
        "auth_register": "10/hour",
        "auth_password_reset": "5/hour",
        "auth_password_reset_confirm": "5/hour",
        "auth_verification_resend": "5/hour",
        "auth_email_change": "5/hour",
        # Per address: the second step of a login, passkey sign-in and their options (apps/mfa).
        "auth_mfa": "30/min",
        # Per user: re-authentication and changes to second factors.
        "auth_reauth": "10/min",
        "mfa_manage": "30/min",
        "exports": env.str("THROTTLE_EXPORTS_RATE", default="5/hour") or None,
        "comments": env.str("THROTTLE_COMMENTS_RATE", default="10/min") or None,
        "uploads": env.str("THROTTLE_UPLOADS_RATE", default="20/hour") or None,
        # Per staff account: images pasted into articles in the admin (apps/uploads/admin_apis.py).
        "article_images": "200/hour",
    },
    # The client address is resolved before DRF sees the request (apps.common.middleware.
    # ClientAddressMiddleware, from TRUSTED_PROXIES below): the throttles take REMOTE_ADDR as it is.
    "NUM_PROXIES": 0,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# WebAuthn JSON passes through as the browser and py_webauthn write it (camelCase, e.g. rawId,
# clientDataJSON): the parser leaves what is inside these fields alone.
JSON_CAMEL_CASE = {
    "JSON_UNDERSCOREIZE": {"no_underscore_before_number": False, "ignore_fields": ("credential", "options")}
}
# The proxies (addresses or networks) whose X-Forwarded-For entries are believed, read from the
# right (apps.common.auth.client_ip). The default, loopback and the private ranges, fits a proxy
# on the same host or in the same cluster network; name your proxies exactly where you can.
TRUSTED_PROXIES = env.list(
    "TRUSTED_PROXIES",
    default=["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
)
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is not an address or a network.") from None
MAX_PAGE_SIZE = 100
# Retry-After of a 503 when the database or Redis does not answer (docs/security.md).
SERVICE_UNAVAILABLE_RETRY_AFTER = 30
# The `type` of every problem document is this URL plus the error code (hyphenated): an anchor on
# [copier] if docs_site
# the docs site's page that explains each code (docs/errors.md). The default is that page as
# `make docs` serves it; point it at your published docs.
# [copier] else
# the page that explains each code (docs/errors.md). The default is that page as a local docs
# server on port 8001 would serve it; point it at where you publish it.
# [copier] end
API_ERROR_TYPE_BASE_URL = env.str("API_ERROR_TYPE_BASE_URL", default="http://127.0.0.1:8001/errors/#")

# The schema, Swagger UI and Redoc at /api/schema/, /api/docs/, /api/redoc/: off in production
# unless switched on (they map every endpoint for an attacker); 404 while off (docs/security.md).
API_DOCS_PUBLIC = env.bool("API_DOCS_PUBLIC", default=not IS_PRODUCTION)

# https://drf-spectacular.readthedocs.io/en/latest/settings.html
SPECTACULAR_SETTINGS = {
    "TITLE": "Starter API",
    "DESCRIPTION": "JSON is camelCase; every error is an RFC 9457 problem details document (application/problem+json).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "MfaMethodEnum": ["totp", "recoveryCode", "passkey"],
        "ExportFailureCodeEnum": "apps.exports.models.Export.FailureCode",
    },
    "CAMELIZE_NAMES": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.contrib.djangorestframework_camel_case.camelize_serializer_fields",
        "drf_spectacular.hooks.postprocess_schema_enums",
    ],
    # The UIs' files come from drf-spectacular-sidecar, served by this site: no CDN, and the
    # version is pinned by uv.lock. https://drf-spectacular.readthedocs.io/en/latest/settings.html
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # validatorUrl: no badge fetched from validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {"persistAuthorization": False, "validatorUrl": None},
}
