"""The exceptions that mean a backing store did not answer (docs/security.md#when-a-service-is-down).

The same request may succeed once the store is back, so they are answered 503 with Retry-After,
not 500. Only connection failures: a wrong query (ProgrammingError, IntegrityError) is still a bug.
Kept apart from exceptions.py, which imports DRF's views: the throttles need these while DRF's
views are still being imported.
"""

from django.db import InterfaceError, OperationalError
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

CACHE_ERRORS: tuple[type[Exception], ...] = (RedisConnectionError, RedisTimeoutError, ConnectionInterrupted)
DATABASE_ERRORS: tuple[type[Exception], ...] = (OperationalError, InterfaceError)
SERVICE_ERRORS = CACHE_ERRORS + DATABASE_ERRORS
