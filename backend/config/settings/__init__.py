"""Django settings, one module per integration.

``environment.py`` is the one reader of the environment. With nothing set, the project runs on
embedded defaults (SQLite, local-memory cache, eager Celery, local media, console email); each
integration switches on when its variable is set. ``DJANGO_ENV=production`` refuses to start on
any embedded default or missing secret (production.py). Every variable is listed in
docs/configuration.md and .env.example, and a test holds the three in step.
"""

from config.settings.admin import *  # noqa: F403
from config.settings.api import *  # noqa: F403
from config.settings.auth import *  # noqa: F403
from config.settings.base import *  # noqa: F403
from config.settings.cache import *  # noqa: F403
from config.settings.database import *  # noqa: F403
from config.settings.domain import *  # noqa: F403
from config.settings.email import *  # noqa: F403
from config.settings.environment import *  # noqa: F403
from config.settings.observability import *  # noqa: F403
from config.settings.production import refuse_embedded_defaults
from config.settings.security import *  # noqa: F403
from config.settings.storage import *  # noqa: F403
from config.settings.tasks import *  # noqa: F403

if IS_PRODUCTION:  # noqa: F405
    refuse_embedded_defaults()
