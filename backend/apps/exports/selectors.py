"""Reads for exports. ``_get`` raises Http404 when nothing is visible; ``_find`` may return None."""

from collections.abc import Iterator
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.shortcuts import get_object_or_404

from apps.accounts.models import User
from apps.exports.models import Export


def export_get_for_user(*, user: User, export_id: str) -> Export:
    """One of the user's exports. Someone else's export is as absent as an unknown one (404)."""
    return get_object_or_404(Export, pk=export_id, user=user)


# Exports live EXPORTS_RETENTION (a week) at a few an hour (THROTTLE_EXPORTS_RATE): the newest
# ones are the history a user wants; more would be a page nobody reads.
EXPORTS_LIST_LIMIT = 20


def exports_list_for_user(*, user: User) -> list[Export]:
    """The user's newest exports, newest first: a running one, if any, comes first."""
    return list(Export.objects.filter(user=user).order_by("-created_at")[:EXPORTS_LIST_LIMIT])


def export_find(*, export_id: str) -> Export | None:
    """The export with its owner, or None when it was deleted meanwhile (with its user)."""
    return Export.objects.select_related("user").filter(pk=export_id).first()


def exports_stale_ids(*, now: datetime) -> list[str]:
    """Exports whose task is lost: running longer than the task's hard time limit allows (it was
    killed and not redelivered), or pending (never started) for ``EXPORTS_STALE_AFTER``."""
    running_since = now - timedelta(seconds=settings.EXPORTS_TASK_TIME_LIMIT) - settings.EXPORTS_STALE_GRACE
    stale = Export.objects.filter(
        Q(status=Export.Status.RUNNING, started_at__lte=running_since)
        | Q(status=Export.Status.PENDING, created_at__lte=now - settings.EXPORTS_STALE_AFTER)
    ).values_list("pk", flat=True)
    return [str(export_id) for export_id in stale]


def exports_expired(*, now: datetime) -> Iterator[Export]:
    return Export.objects.filter(expires_at__lte=now).iterator()
