"""``manage.py worker_check --node NAME``: a Celery worker's liveness, for an orchestrator's probe.

Fails only when the broker answers and the worker ``NAME`` does not answer a ping through it:
then the worker is stuck, and a restart helps. While the broker itself is away every worker's
ping fails, and restarting them would help nothing: it would kill builds that are running (to
start over once the broker is back) and put the pods into CrashLoopBackOff, whose back-off
(up to 5 minutes) would keep them down after the broker returns. So a broker that does not
take a connection passes this check; the readiness probe (``broker_check``) shows it instead.
"""

import datetime
from typing import Any

from celery import current_app
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from health_check.exceptions import HealthCheckException
from kombu.exceptions import OperationalError

from apps.common.health import Broker


class Command(BaseCommand):
    help = "Exits non-zero when the broker is up and the given worker node does not answer a ping."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--node", required=True, help="the worker's node name, e.g. emails@$HOSTNAME")
        parser.add_argument("--timeout", type=float, default=10.0, help="seconds the worker has to answer")
        parser.add_argument("--broker-timeout", type=float, default=5.0, help="seconds for the broker check")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.CELERY_BROKER_URL:
            raise CommandError("CELERY_BROKER_URL is not set: tasks run inline, there is no worker to check")
        node = options["node"]
        broker = Broker(url=settings.CELERY_BROKER_URL, timeout=datetime.timedelta(seconds=options["broker_timeout"]))
        try:
            broker.run()
            replies = current_app.control.ping(destination=[node], timeout=options["timeout"])
        except (HealthCheckException, OperationalError, OSError) as error:
            self.stdout.write(f"{node}: not checked, the broker is unreachable ({error}); a restart would not help")
            return
        if not any(node in reply for reply in replies):
            raise CommandError(f"{node} did not answer a ping within {options['timeout']:.0f} s; the broker is up")
        self.stdout.write(f"{node}: ok")
