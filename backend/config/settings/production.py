"""Production must name every service explicitly: an embedded default there is a bug."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import ALLOWED_HOSTS, DEBUG, SECRET_KEY
from config.settings.cache import REDIS_URL
from config.settings.database import IS_POSTGRES
from config.settings.email import EMAIL_BACKEND
from config.settings.observability import METRICS_TOKEN
from config.settings.storage import USE_S3
from config.settings.tasks import CELERY_BROKER_URL


def refuse_embedded_defaults() -> None:
    """Raises ImproperlyConfigured naming every variable that still has its development default."""
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
    if EMAIL_BACKEND.endswith(("console.EmailBackend", "locmem.EmailBackend")):
        problems.append("EMAIL_URL must point at a real mail service")
    if not METRICS_TOKEN:
        problems.append("METRICS_TOKEN must be set (it guards /metrics)")
    if problems:
        raise ImproperlyConfigured("Production settings refused: " + "; ".join(problems) + ".")
