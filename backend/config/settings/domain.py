"""Settings of the project's own features: the public content cache and personal data exports."""

from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import FRONTEND_URL
from config.settings.environment import env
from config.settings.storage import AWS_QUERYSTRING_EXPIRE, USE_S3

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

# Comments of accounts younger than this many days wait in the moderation queue before readers
# see them (docs/editors.md); 0 shows every verified reader's comment at once.
COMMENTS_HOLD_NEW_ACCOUNTS_DAYS = env.int("COMMENTS_HOLD_NEW_ACCOUNTS_DAYS", default=0)

# Personal data exports (apps/exports, docs/background-jobs.md).
EXPORTS_RETENTION = timedelta(days=7)
# A dead-lettered build ends its export at once (apps/jobs/dead_letters.py); the sweep
# (cleanup_expired_exports, every 5 minutes) is the backstop. Running past the task's hard time
# limit plus this grace means its worker died and the message was not redelivered.
EXPORTS_TASK_SOFT_TIME_LIMIT = 10 * 60
EXPORTS_TASK_TIME_LIMIT = 11 * 60
EXPORTS_STALE_GRACE = timedelta(minutes=2)
# Pending (never started) this long: the message was lost before any worker took it. Generous,
# because a long queue at peak is not a lost message.
EXPORTS_STALE_AFTER = timedelta(hours=6)

# The Next.js site (apps/content/preview.py, apps/content/revalidation.py, docs/frontend.md).
# A preview link from the admin opens the unpublished article on the site for this long.
PREVIEW_TOKEN_MAX_AGE = timedelta(minutes=env.int("PREVIEW_TOKEN_MINUTES", default=15))
# Where the worker asks the site to drop its cached pages after a change readers see, signed
# (HMAC-SHA256) with the secret the site's REVALIDATE_SECRET also holds. Without a secret no
# call is made and the site's pages refresh only on their own timer (REVALIDATE_SECONDS there).
REVALIDATE_URL = env.str("REVALIDATE_URL", default=f"{FRONTEND_URL}/cms/revalidate")
REVALIDATE_SECRET = env.str("REVALIDATE_SECRET", default="")
REVALIDATE_TIMEOUT_SECONDS = 10
