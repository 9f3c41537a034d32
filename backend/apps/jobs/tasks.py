from celery import shared_task

from apps.jobs.base import ReliableTask
from apps.jobs.services import outbox_relay


@shared_task(base=ReliableTask)
def relay_task_outbox() -> int:
    """Beat, every 30 s: publishes outbox messages whose fast-path publish failed."""
    return outbox_relay()
