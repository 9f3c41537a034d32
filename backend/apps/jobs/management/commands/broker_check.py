"""``manage.py broker_check``: a Celery worker's readiness, for an orchestrator's probe.

Exits 0 when the broker takes a connection within ``--timeout`` seconds, 1 otherwise, with
the same check ``/readyz`` reports. A worker cannot do its work without the broker, unlike
a web process, so its readiness follows the broker (docs/operations.md, "Probes").
"""

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from health_check.exceptions import HealthCheckException

from apps.common.health import Broker


class Command(BaseCommand):
    help = "Exits non-zero when the Celery broker does not take a connection in time."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--timeout", type=float, default=3.0, help="seconds for connect and handshake")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.CELERY_BROKER_URL:
            raise CommandError("CELERY_BROKER_URL is not set: tasks run inline, there is no broker to check")
        check = Broker(url=settings.CELERY_BROKER_URL, timeout=datetime.timedelta(seconds=options["timeout"]))
        try:
            check.run()
        except HealthCheckException as error:
            raise CommandError(f"broker: {error}") from error
        self.stdout.write("broker: ok")
