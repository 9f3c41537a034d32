from django.contrib import admin
from unfold.admin import ModelAdmin

from apps.uploads.models import Upload


@admin.register(Upload)
class UploadAdmin(ModelAdmin):
    """Read-only view for support: what is waiting, for whom, until when."""

    list_display = ("id", "owner", "purpose", "content_type", "size", "status", "expires_at")
    list_filter = ("purpose", "status")
    search_fields = ("owner__email", "id")
    readonly_fields = [field.name for field in Upload._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
