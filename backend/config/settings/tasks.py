"""Celery over RabbitMQ, and the one schedule of periodic jobs. The whole design: docs/background-jobs.md."""

from datetime import timedelta

from django.utils.crypto import get_random_string

from config.settings.base import TIME_ZONE
from config.settings.cache import REDIS_URL
from config.settings.environment import IS_TEST, env

# https://docs.celeryq.dev/en/stable/userguide/configuration.html
# Queue topology and the queue of every task: config/celery.py.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
# Results go to Redis (already there for cache and throttling, and fast at expiring keys), kept a
# day: for debugging and Flower, and to skip a repeat delivery of a task that succeeded (apps/jobs/base.py).
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
# The relay (in a worker) publishes without retry loops: the outbox keeps the message for its next run.
CELERY_PUBLISH_RETRY_POLICY = {"max_retries": 0}
# A request's publish (apps/jobs/publishing.py): connect, handshake, write and confirm all within this
# many seconds, else the message waits in the outbox; after a failure, requests in that process skip
# the broker for the cooldown (seconds). docs/background-jobs.md, "When the broker is slow or down".
TASK_PUBLISH_TIMEOUT = env.float("TASK_PUBLISH_TIMEOUT", default=0.1)
TASK_PUBLISH_BREAKER_COOLDOWN = env.float("TASK_PUBLISH_BREAKER_COOLDOWN", default=30.0)
TASK_OUTBOX_RELAY_GRACE = timedelta(seconds=30)
# Acknowledge after the task ran, and requeue when its worker died: a crash never loses a task.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# A task that failed for good (retries exhausted, or a permanent error) is rejected without requeue,
# so RabbitMQ dead-letters it; one killed by its hard time limit is requeued, and after the queue's
# delivery limit dead-lettered. https://docs.celeryq.dev/en/stable/userguide/configuration.html#task-acks-on-failure
CELERY_TASK_ACKS_ON_FAILURE = False
CELERY_TASK_ACKS_ON_TIMEOUT = False
# One message at a time per worker process: long exports never hold short emails hostage.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
# Retries of transient errors (apps/jobs/base.py, Celery's retry_backoff): up to 5 s, 10 s, 20 s ...
# capped at 600 s, each a random delay between zero and that bound ("full jitter").
CELERY_TASK_MAX_RETRIES = 5
CELERY_TASK_RETRY_BACKOFF_BASE = env.int("CELERY_TASK_RETRY_BACKOFF_BASE", default=5)
CELERY_TASK_RETRY_BACKOFF_MAX = 600
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
    # Every 5 minutes: it also fails exports running past their task's hard time limit.
    "cleanup-expired-exports": {"task": "apps.exports.tasks.cleanup_expired_exports", "schedule": timedelta(minutes=5)},
    "purge-expired-tokens": {"task": "apps.accounts.tasks.purge_expired_tokens", "schedule": timedelta(days=1)},
    "delete-unverified-accounts": {
        "task": "apps.accounts.tasks.delete_unverified_accounts",
        "schedule": timedelta(days=1),
    },
}
