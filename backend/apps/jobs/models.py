import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class OutboxMessage(models.Model):
    """A task to publish, written in the same transaction as the change that asked for it.

    The row is deleted once the broker has confirmed the message. Rows still here
    were not published (broker down, process died after commit) and are relayed
    by the ``relay_task_outbox`` beat task. See docs/background-jobs.md.
    """

    # Also the Celery task id, so a message relayed twice is recognised as one task.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task_name = models.CharField(max_length=200)
    args = models.JSONField(default=list, encoder=DjangoJSONEncoder)
    kwargs = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    request_id = models.CharField(max_length=128, blank=True)
    # The W3C trace context (traceparent, tracestate) in progress when the message was written, so the
    # task joins the request's trace however late the relay publishes it. Empty while tracing is off.
    trace_context = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.task_name} {self.id}"
