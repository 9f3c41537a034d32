"""Django settings: the one module that reads the environment.

With nothing set, the project runs on embedded defaults (SQLite, local-memory
cache, eager Celery, local media, console email). Each integration switches on
when its variable is set. ``DJANGO_ENV=production`` refuses to start on any
embedded default or missing secret. Every variable is listed in
docs/configuration.md.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key
from django.utils.crypto import get_random_string

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured(f"DJANGO_ENV={DJANGO_ENV!r} is not known: use development, test or production.")
IS_PRODUCTION = DJANGO_ENV == "production"
IS_TEST = DJANGO_ENV == "test"


def _local_secret_key() -> str:
    """Outside production, a random key kept in a git-ignored file, so sessions survive restarts.

    No key is written in the source: a key in the repository would be everyone's key.
    """
    key_file = BASE_DIR / ".local-secret-key"
    if not key_file.exists():
        key_file.write_text(get_random_secret_key())
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="") or ("" if IS_PRODUCTION else _local_secret_key())
DEBUG = env.bool("DJANGO_DEBUG", default=DJANGO_ENV == "development")
ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=[] if IS_PRODUCTION else ["localhost", "127.0.0.1", "[::1]", "testserver"]
)
ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="admin/")
# In `make dev` the browser reaches Django through the Next.js proxy, which passes the public host in
# X-Forwarded-Host; absolute URLs (OAuth callbacks) must use it. nginx forwards Host as is.
USE_X_FORWARDED_HOST = env.bool("DJANGO_USE_X_FORWARDED_HOST", default=DJANGO_ENV == "development")
FRONTEND_URL = env.str("FRONTEND_URL", default="http://localhost:3000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "django_filters",
    "django_celery_beat",
    "django_prometheus",
    "social_django",
    "apps.common",
    "apps.accounts",
    "apps.content",
    "apps.uploads",
    "apps.jobs",
    "apps.exports",
]

MIDDLEWARE = [
    # Before anything validates the Host header: probes and scrapes address pods by IP.
    "apps.common.middleware.ProbeHostMiddleware",
    # Outermost, so request latency and status counts (by view) cover everything below.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "apps.common.middleware.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# PgBouncer in transaction mode cannot keep a server-side cursor across transactions.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env.bool("DATABASE_DISABLE_SERVER_SIDE_CURSORS", default=False)
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# django-prometheus' wrappers of the same backends count queries and errors (docs/observability.md).
DATABASES["default"]["ENGINE"] = DATABASES["default"]["ENGINE"].replace(
    "django.db.backends.", "django_prometheus.db.backends."
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (also the store for throttling and login-failure counters) ------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="app"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Auth -----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "social_core.backends.github.GithubOAuth2",
    "social_core.backends.github_enterprise.GithubEnterpriseOAuth2",
    "social_core.backends.google.GoogleOAuth2",
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
# Accounts never verified are deleted this long after sign-up (beat: delete_unverified_accounts).
ACCOUNTS_UNVERIFIED_RETENTION = timedelta(days=env.int("ACCOUNTS_UNVERIFIED_RETENTION_DAYS", default=30))
ACCOUNTS_LOGIN_FAILURE_LIMIT = 5
ACCOUNTS_LOGIN_FAILURE_WINDOW = timedelta(minutes=15)
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
# How long API requests may take a bearer token's user from the cache (apps/accounts/user_cache.py)
# instead of the database; every change to the user ends it at once. 0 reads the database always,
# the default without Redis: a per-process cache would miss changes made by other processes.
AUTH_USER_CACHE_SECONDS = env.int("AUTH_USER_CACHE_SECONDS", default=5 * 60 if REDIS_URL else 0)
# A refresh token presented again within this many seconds of its rotation gets a new pair
# instead of the reuse alarm (which ends every session of the user): a reload that aborts a
# refresh in flight, or two tabs without Web Locks, re-present the just-rotated cookie. A copy
# used within the window goes undetected, hence short. 0 switches the grace off.
AUTH_REFRESH_REUSE_GRACE_SECONDS = env.int("AUTH_REFRESH_REUSE_GRACE_SECONDS", default=10)
AUTH_REFRESH_COOKIE = {
    "name": "refresh_token",
    "path": "/api/v1/auth/",
    "samesite": "Lax",
    "secure": env.bool("AUTH_COOKIE_SECURE", default=DJANGO_ENV != "development"),
    "max_age": int(REFRESH_TOKEN_LIFETIME.total_seconds()),
}

# --- Social auth ------------------------------------------------------------------
# https://python-social-auth.readthedocs.io/en/latest/configuration/django.html
SOCIAL_AUTH_GITHUB_KEY = env.str("SOCIAL_AUTH_GITHUB_KEY", default="")
SOCIAL_AUTH_GITHUB_SECRET = env.str("SOCIAL_AUTH_GITHUB_SECRET", default="")
# GitHub Enterprise Server: URL is the web root (https://github.example.com/), API_URL its
# REST root (https://github.example.com/api/v3/). The browser tests point it at a local stub.
SOCIAL_AUTH_GITHUB_ENTERPRISE_URL = env.str("SOCIAL_AUTH_GITHUB_ENTERPRISE_URL", default="")
SOCIAL_AUTH_GITHUB_ENTERPRISE_API_URL = env.str("SOCIAL_AUTH_GITHUB_ENTERPRISE_API_URL", default="")
SOCIAL_AUTH_GITHUB_ENTERPRISE_KEY = env.str("SOCIAL_AUTH_GITHUB_ENTERPRISE_KEY", default="")
SOCIAL_AUTH_GITHUB_ENTERPRISE_SECRET = env.str("SOCIAL_AUTH_GITHUB_ENTERPRISE_SECRET", default="")
SOCIAL_AUTH_GITHUB_ENTERPRISE_SCOPE = ["user:email"]
SOCIAL_AUTH_GOOGLE_OAUTH2_KEY = env.str("SOCIAL_AUTH_GOOGLE_OAUTH2_KEY", default="")
SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = env.str("SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET", default="")
SOCIAL_AUTH_USER_MODEL = AUTH_USER_MODEL
# With this scope GitHub lists every address with its "verified" flag; the pipeline needs it.
SOCIAL_AUTH_GITHUB_SCOPE = ["user:email"]
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

# --- Internationalisation ------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media ----------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
USE_S3 = bool(AWS_STORAGE_BUCKET_NAME)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if USE_S3:
    # https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="us-east-1")
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
    AWS_S3_PUBLIC_ENDPOINT_URL = env.str("AWS_S3_PUBLIC_ENDPOINT_URL", default="") or AWS_S3_ENDPOINT_URL
    AWS_ACCESS_KEY_ID = env.str("AWS_ACCESS_KEY_ID", default="") or None
    AWS_SECRET_ACCESS_KEY = env.str("AWS_SECRET_ACCESS_KEY", default="") or None
    AWS_S3_SIGNATURE_VERSION = "s3v4"
    AWS_S3_ADDRESSING_STYLE = env.str("AWS_S3_ADDRESSING_STYLE", default="path" if AWS_S3_ENDPOINT_URL else "auto")
    # Objects are private; clients only ever get presigned URLs with a bounded lifetime.
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", default=60 * 60)
    AWS_S3_FILE_OVERWRITE = False
    # django-storages' S3Storage, plus URLs signed for AWS_S3_PUBLIC_ENDPOINT_URL and presigned POSTs.
    STORAGES["default"] = {"BACKEND": "apps.uploads.storage.MediaS3Storage"}
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Uploaded images (avatars, article covers): docs/media.md.
UPLOADS_MAX_BYTES = 5 * 1024 * 1024
# Checked from the header before decoding: a small file can declare a huge bitmap (decompression bomb).
UPLOADS_MAX_PIXELS = 25_000_000
UPLOADS_EXPIRE_SECONDS = 60 * 60
UPLOADS_THUMBNAIL_SIZE = (256, 256)

# --- Content -------------------------------------------------------------------------
# Anonymous article/comment responses are cached this long at most; every change to an
# article, tag or comment invalidates them at once (docs/content.md).
CONTENT_CACHE_SECONDS = env.int("CONTENT_CACHE_SECONDS", default=5 * 60)
# Cached responses hold presigned image URLs, and the storage reuses a signed URL for half its
# lifetime (apps/uploads/storage.py): a cached URL must still work when the entry expires.
if USE_S3 and CONTENT_CACHE_SECONDS > AWS_QUERYSTRING_EXPIRE / 2:
    raise ImproperlyConfigured(
        f"CONTENT_CACHE_SECONDS ({CONTENT_CACHE_SECONDS}) must be at most half of AWS_QUERYSTRING_EXPIRE "
        f"({AWS_QUERYSTRING_EXPIRE}): cached responses would hand out image URLs whose signature has expired."
    )

# --- Email -------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="memorymail://" if IS_TEST else "consolemail://")
if EMAIL_CONFIG["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
    # django-environ drops the leading slash of filemail:///abs/dir; take the path as written.
    EMAIL_CONFIG["EMAIL_FILE_PATH"] = urlsplit(env.str("EMAIL_URL")).path
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Starter <no-reply@localhost>")

# --- Celery --------------------------------------------------------------------------
# https://docs.celeryq.dev/en/stable/userguide/configuration.html
# Queue topology and routes: config/celery.py. The whole design: docs/background-jobs.md.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
# Results go to Redis (already there for cache and throttling, and fast at expiring keys);
# nothing in the app reads them, they are kept a day for debugging and Flower.
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=REDIS_URL) or None
CELERY_RESULT_EXPIRES = timedelta(days=1)
# Without a broker, tasks run inside the caller (make dev needs no RabbitMQ).
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# Names queues and exchanges "<prefix>emails" ...: each test run gets its own, so the broker tests
# never share queues with a developer's worker on the same RabbitMQ.
CELERY_QUEUE_PREFIX = env.str("CELERY_QUEUE_PREFIX", default=f"test{get_random_string(8).lower()}." if IS_TEST else "")
CELERY_QUEUE_DELIVERY_LIMIT = 5
CELERY_TASK_DEFAULT_DELIVERY_MODE = "persistent"
# Publisher confirms: publish() returns once RabbitMQ has taken the message, not before.
# max_retries bounds the reconnect loop of a publish, which otherwise waits for the broker forever.
CELERY_BROKER_TRANSPORT_OPTIONS = {"confirm_publish": True, "max_retries": 1, "interval_start": 0, "interval_step": 1}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing from a request must not stall it (at worst two 2 s connection attempts while the
# broker host does not answer); the outbox keeps the message for the relay.
CELERY_PUBLISH_RETRY_POLICY = {"max_retries": 0}
TASK_OUTBOX_RELAY_GRACE = timedelta(seconds=30)
# Acknowledge after the task ran, and requeue when its worker died: a crash never loses a task.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# One message at a time per worker process: long exports never hold short emails hostage.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
# Retries of transient errors (apps/jobs/base.py): 5s, 10s, 20s ... capped, with jitter.
CELERY_TASK_MAX_RETRIES = 5
CELERY_TASK_RETRY_BACKOFF_BASE = env.float("CELERY_TASK_RETRY_BACKOFF_BASE", default=5.0)
CELERY_TASK_RETRY_BACKOFF_MAX = 600.0
# How long a finished task id is remembered, to skip a duplicate delivery of it.
CELERY_TASK_DONE_MEMORY_SECONDS = 60 * 60 * 24
CELERY_WORKER_SEND_TASK_EVENTS = True
CELERY_TASK_SEND_SENT_EVENT = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# The one list of periodic jobs. Beat writes it into django-celery-beat's tables at start:
# entries can be paused in the admin; schedule changes belong here (docs/background-jobs.md).
CELERY_BEAT_SCHEDULE = {
    "relay-task-outbox": {"task": "apps.jobs.tasks.relay_task_outbox", "schedule": timedelta(seconds=30)},
    "publish-due-articles": {"task": "apps.content.tasks.publish_due_articles", "schedule": timedelta(minutes=1)},
    "cleanup-expired-uploads": {"task": "apps.uploads.tasks.cleanup_expired_uploads", "schedule": timedelta(hours=1)},
    "cleanup-expired-exports": {"task": "apps.exports.tasks.cleanup_expired_exports", "schedule": timedelta(hours=1)},
    "purge-expired-tokens": {"task": "apps.accounts.tasks.purge_expired_tokens", "schedule": timedelta(days=1)},
    "delete-unverified-accounts": {
        "task": "apps.accounts.tasks.delete_unverified_accounts",
        "schedule": timedelta(days=1),
    },
}
# --- Personal data exports (apps/exports, docs/background-jobs.md) ------------------------
EXPORTS_RETENTION = timedelta(days=7)
# Still pending or running after this long means the build task was lost: cleanup fails it.
EXPORTS_STALE_AFTER = timedelta(hours=6)
EXPORTS_TASK_SOFT_TIME_LIMIT = 10 * 60
EXPORTS_TASK_TIME_LIMIT = 11 * 60

# --- DRF ------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["apps.accounts.authentication.CachedUserJWTAuthentication"],
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
    "DEFAULT_THROTTLE_CLASSES": [
        "apps.common.throttling.AnonRateThrottle",
        "apps.common.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("THROTTLE_ANON_RATE", default="300/min"),
        "user": env.str("THROTTLE_USER_RATE", default="600/min"),
        "auth_login": "20/min",
        "auth_register": "10/hour",
        "auth_password_reset": "5/hour",
        "auth_password_reset_confirm": "5/hour",
        "auth_verification_resend": "5/hour",
        "exports": env.str("THROTTLE_EXPORTS_RATE", default="5/hour"),
        "comments": env.str("THROTTLE_COMMENTS_RATE", default="10/min"),
        "uploads": env.str("THROTTLE_UPLOADS_RATE", default="20/hour"),
    },
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0 if DJANGO_ENV == "development" else 1),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
MAX_PAGE_SIZE = 100

# https://drf-spectacular.readthedocs.io/en/latest/settings.html
SPECTACULAR_SETTINGS = {
    "TITLE": "Starter API",
    "DESCRIPTION": "REST API of the full-stack starter. JSON is camelCase; every error is "
    "an RFC 9457 problem details document (application/problem+json).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
    "CAMELIZE_NAMES": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.contrib.djangorestframework_camel_case.camelize_serializer_fields",
        "drf_spectacular.hooks.postprocess_schema_enums",
    ],
    "SWAGGER_UI_SETTINGS": {"persistAuthorization": False},
}

# --- CORS / CSRF / security headers -------------------------------------------------------
# Browser and API share one origin, so CORS stays closed unless origins are listed.
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
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # Probes and metrics scrapes come over plain HTTP from inside the cluster.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# --- Observability ---------------------------------------------------------------------------
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOG_FORMAT = env.str("LOG_FORMAT", default="json" if IS_PRODUCTION else "console")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "apps.common.logging.RequestIDFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "console": {"format": "%(asctime)s %(levelname)-8s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "default": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["default"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Our exception handler logs 5xx itself, with the request ID.
        "django.request": {"level": "ERROR", "handlers": [], "propagate": False},
    },
}

SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default=DJANGO_ENV),
        release=env.str("SENTRY_RELEASE", default="") or None,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        send_default_pii=False,
    )

METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
# Set (to an empty, writable directory) when several processes serve /metrics, as gunicorn's
# workers do: prometheus_client then sums every process's counts (docs/observability.md).
# https://prometheus.github.io/client_python/multiprocess/
PROMETHEUS_MULTIPROC_DIR = env.str("PROMETHEUS_MULTIPROC_DIR", default="")


def _refuse_embedded_defaults() -> None:
    """Production must name every service explicitly; an embedded default there is a bug."""
    problems = []
    if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
        problems.append("DJANGO_SECRET_KEY must be set to a random string of 50+ characters")
    if DEBUG:
        problems.append("DJANGO_DEBUG must be false")
    if not ALLOWED_HOSTS:
        problems.append("DJANGO_ALLOWED_HOSTS must list the public host names")
    if not IS_POSTGRES:
        problems.append("DATABASE_URL must point at PostgreSQL")
    if not REDIS_URL:
        problems.append("REDIS_URL must be set (cache and rate limits)")
    if not CELERY_BROKER_URL:
        problems.append("CELERY_BROKER_URL must be set (tasks must not run inside requests)")
    if not USE_S3:
        problems.append("AWS_STORAGE_BUCKET_NAME must be set (media cannot live on a pod's disk)")
    if EMAIL_CONFIG["EMAIL_BACKEND"].endswith(("console.EmailBackend", "locmem.EmailBackend")):
        problems.append("EMAIL_URL must point at a real mail service")
    if not METRICS_TOKEN:
        problems.append("METRICS_TOKEN must be set (it guards /metrics)")
    if problems:
        raise ImproperlyConfigured("Production settings refused: " + "; ".join(problems) + ".")


if IS_PRODUCTION:
    _refuse_embedded_defaults()
