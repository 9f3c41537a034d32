"""Second factors in the admin: seen, and removed for a user who lost theirs; never added or edited here.

Removing goes through the services, so the owner is emailed and the recovery codes go with the
account's last factor, as when the user does it.
"""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from unfold.admin import ModelAdmin

from apps.mfa.models import Passkey, TotpDevice
from apps.mfa.services.passkeys import passkey_delete
from apps.mfa.services.totp import totp_disable


class _RemoveOnlyAdmin(ModelAdmin):
    search_fields = ("user__email",)
    list_select_related = ("user",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(TotpDevice)
class TotpDeviceAdmin(_RemoveOnlyAdmin):
    list_display = ("user", "confirmed_at", "created_at")
    fields = ("user", "confirmed_at", "created_at")

    def delete_model(self, request: HttpRequest, obj: TotpDevice) -> None:
        totp_disable(user=obj.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[TotpDevice]) -> None:
        for device in queryset:
            totp_disable(user=device.user)


@admin.register(Passkey)
class PasskeyAdmin(_RemoveOnlyAdmin):
    list_display = ("name", "user", "created_at", "last_used_at")
    fields = ("name", "user", "created_at", "last_used_at")

    def delete_model(self, request: HttpRequest, obj: Passkey) -> None:
        passkey_delete(user=obj.user, passkey_id=obj.pk)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Passkey]) -> None:
        for passkey in queryset:
            passkey_delete(user=passkey.user, passkey_id=passkey.pk)
