"""Django core: secret key, hosts, installed apps, middleware, templates, languages."""

from django.core.management.utils import get_random_secret_key

from config.settings.environment import BASE_DIR, DJANGO_ENV, IS_PRODUCTION, env

# Outside production a missing key gets a random one for this process; `make dev` and the other
# make commands pass a stable one (scripts/lib.sh), so logins survive a restart. No key is written
# in the source: a key in the repository would be everyone's key.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="") or ("" if IS_PRODUCTION else get_random_secret_key())
DEBUG = env.bool("DJANGO_DEBUG", default=DJANGO_ENV == "development")
ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=[] if IS_PRODUCTION else ["localhost", "127.0.0.1", "[::1]", "testserver"]
)
ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="admin/")
# In `make dev` the browser reaches Django through the Next.js proxy, which passes the public host in
# X-Forwarded-Host; absolute URLs (redirects, links) must use it. nginx forwards Host as is.
USE_X_FORWARDED_HOST = env.bool("DJANGO_USE_X_FORWARDED_HOST", default=DJANGO_ENV == "development")
FRONTEND_URL = env.str("FRONTEND_URL", default="http://localhost:3000").rstrip("/")

INSTALLED_APPS = [
    # django-unfold's templates before Django's admin ones; its site is apps/common/admin_site.py.
    "unfold.apps.BasicAppConfig",
    "unfold.contrib.filters",
    "apps.common.admin_site.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    # Swagger UI and Redoc as static files of this site, pinned by the lock file (no CDN).
    "drf_spectacular_sidecar",
    "django_filters",
    "django_celery_beat",
    "django_prometheus",
    # [copier] if social
    "social_django",
    # [copier] end
    # Versions of articles, tags and comments (docs/editors.md "History").
    "simple_history",
    "apps.common",
    "apps.accounts",
    "apps.mfa",
    "apps.content",
    "apps.uploads",
    "apps.jobs",
    "apps.exports",
]

MIDDLEWARE = [
    # Outermost: one log line for every 5xx, whichever layer below raised (docs/observability.md).
    "apps.common.middleware.ServerErrorLogMiddleware",
    # Before anything validates the Host header: probes and scrapes address pods by IP.
    "apps.common.middleware.ProbeHostMiddleware",
    # Before anything reads the client address: it resolves X-Forwarded-For once (TRUSTED_PROXIES).
    "apps.common.middleware.ClientAddressMiddleware",
    # Outermost, so request latency and status counts (by view) cover everything below.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "apps.common.middleware.RequestIDMiddleware",
    # Only its process_exception matters: it sees exceptions of views, wherever it stands.
    "apps.common.middleware.ServiceUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: a version saved during an admin request records who saved it.
    "simple_history.middleware.HistoryRequestMiddleware",
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

LANGUAGES = [
    # The template asks which to keep (docs/template.md), as for the frontend's locales.
    # [copier] if lang_en
    ("en", "English"),
    # [copier] end
    # [copier] if lang_de
    ("de", "Deutsch"),
    # [copier] end
]
# The first is the default: of requests that ask for no language, of new accounts' emails
# (User.language) and of the admin. The strings in the code are English either way.
LANGUAGE_CODE = LANGUAGES[0][0]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
