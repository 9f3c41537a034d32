"""The global request limits (``DEFAULT_THROTTLE_CLASSES``), open while their counter store is down.

Every throttle counts in the ``default`` cache, which raises when Redis does not answer. Two
choices, per limit (the table: docs/security.md#when-a-service-is-down):

- these two global limits (``anon``, ``user``) let the request through: they bound load, not
  guessing, and reading articles must not stop with Redis;
- every scoped limit (``auth_login``, ``comments`` ...), DRF's own classes, lets the error reach
  the exception handler, which answers 503 with Retry-After: a limit that protects accounts or
  costs work is not skipped.
"""

import logging
from typing import TYPE_CHECKING

from rest_framework import throttling

from apps.common.outages import CACHE_ERRORS

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView

logger = logging.getLogger(__name__)


class FailOpenMixin:
    def allow_request(self, request: "Request", view: "APIView") -> bool:
        try:
            return super().allow_request(request, view)  # type: ignore[misc]
        except CACHE_ERRORS as exc:
            logger.warning("Throttle %s not counted, the cache is down: %s", type(self).__name__, exc)
            return True


class AnonRateThrottle(FailOpenMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(FailOpenMixin, throttling.UserRateThrottle):
    pass
