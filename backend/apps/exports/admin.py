from django.contrib import admin
from unfold.admin import ModelAdmin

from apps.exports.models import Export


@admin.register(Export)
class ExportAdmin(ModelAdmin):
    """Exports are built by the worker; the admin shows their state for support."""

    list_display = ("id", "user", "status", "progress", "created_at", "finished_at", "expires_at")
    list_filter = ("status",)
    search_fields = ("id", "user__email")
    raw_id_fields = ("user",)
    readonly_fields = (
        "id",
        "user",
        "status",
        "progress",
        "file",
        "size",
        "started_at",
        "finished_at",
        "expires_at",
        "notified_at",
        "failure_code",
        "error",
    )
