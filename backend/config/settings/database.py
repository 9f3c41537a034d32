"""The database: SQLite by default, PostgreSQL in every shared environment."""

from config.settings.environment import BASE_DIR, env

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
# The covering index's INCLUDE columns (content.Article) exist in PostgreSQL only; on the SQLite of
# `make dev` the index simply lacks them, and the warning would head every make command's output.
SILENCED_SYSTEM_CHECKS = [] if IS_POSTGRES else ["models.W040"]
