"""An export whose worker is killed past the queue's delivery limit fails, and a new one succeeds at once."""

import os
import signal
from pathlib import Path

import pytest
from django.conf import settings

from apps.accounts.tests.factories import UserFactory
from apps.exports import services
from apps.exports.models import Export
from apps.jobs.tests.broker.conftest import dead_letter_messages, wait_for
from apps.jobs.tests.broker_tasks import HOLDING_FIRST_NAME

pytestmark = [pytest.mark.broker, pytest.mark.django_db(transaction=True)]


def _pool_children(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                children.append(int(entry.name))
    return children


def test_a_build_killed_past_the_delivery_limit_fails_its_export_and_a_retry_succeeds(start_worker):
    worker = start_worker("poisoned")
    user = UserFactory(first_name=HOLDING_FIRST_NAME)
    export = services.export_request(user=user)

    # Each delivery starts the build (running, a new started_at); a SIGKILL to the pool child
    # ends it mid-build, and RabbitMQ delivers the message again, up to the delivery limit.
    starts: list[object] = []
    for _ in range(settings.CELERY_QUEUE_DELIVERY_LIMIT + 1):
        started_at = wait_for(
            lambda: (
                Export.objects.filter(pk=export.pk, status=Export.Status.RUNNING)
                .exclude(started_at__in=[s for s in starts if s])
                .values_list("started_at", flat=True)
                .first()
            ),
            timeout=60,
            what=f"delivery {len(starts) + 1} to start the build",
        )
        starts.append(started_at)
        for child in _pool_children(worker.process.pid):
            os.kill(child, signal.SIGKILL)

    # Past the limit the message is dead-lettered; the failure path ends the export.
    wait_for(
        lambda: Export.objects.filter(pk=export.pk, status=Export.Status.FAILED).exists(),
        timeout=60,
        what="the dead-lettered export to fail",
    )
    export.refresh_from_db()
    assert export.error == "dead-lettered (delivery_limit)"
    assert export.failure_code == Export.FailureCode.INTERRUPTED  # what the user is told (the API's failure)
    # The copy for people stays in dead_letter (taken out here, so later tests find only theirs).
    kept = wait_for(dead_letter_messages, timeout=10, what="the copy in the dead-letter queue")
    assert [message.headers["task"] for message in kept] == ["apps.exports.tasks.build_export"]
    assert len(starts) == settings.CELERY_QUEUE_DELIVERY_LIMIT + 1

    # No 409 export_in_progress: the user asks again and this build goes through.
    user.first_name = "Released"
    user.save(update_fields=["first_name"])
    retry = services.export_request(user=user)
    wait_for(
        lambda: Export.objects.filter(pk=retry.pk, status=Export.Status.SUCCEEDED).exists(),
        timeout=60,
        what="the retried export to succeed",
    )
