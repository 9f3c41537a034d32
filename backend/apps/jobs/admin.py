from django.contrib import admin
from django.http import HttpRequest
from unfold.admin import ModelAdmin

from apps.jobs.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ModelAdmin):
    """Tasks waiting for the broker. Read-only: the relay owns these rows."""

    list_display = ("task_name", "created_at", "attempts", "last_error", "request_id")
    list_filter = ("task_name",)
    search_fields = ("id", "request_id")
    readonly_fields = ("id", "task_name", "args", "kwargs", "request_id", "created_at", "attempts", "last_error")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False
