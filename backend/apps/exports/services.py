"""Writes for exports: request one, build it (in a task), expire old ones."""

import logging
import tempfile
from datetime import datetime
from http import HTTPStatus

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.exports import emails, selectors, tasks
from apps.exports.models import Export
from apps.exports.registry import ExportArchive, export_sections
from apps.jobs.services import enqueue_on_commit

logger = logging.getLogger(__name__)

# Sections fill progress up to here; storing the archive takes it to 100.
SECTIONS_PROGRESS_SHARE = 90


def _export_in_progress() -> ApplicationError:
    return ApplicationError(
        code="export_in_progress",
        detail=_("An export of your data is already being prepared. Wait for it to finish."),
        status_code=HTTPStatus.CONFLICT,
    )


def export_request(*, user: User) -> Export:
    """Starts an export of the user's data, unless one is already pending or running (409)."""
    try:
        with transaction.atomic():
            export = Export.objects.create(user=user)
            enqueue_on_commit(tasks.build_export, export.pk)
    except IntegrityError:
        # The partial unique index: one export in flight per user, even under concurrent requests.
        raise _export_in_progress() from None
    return export


def _progress_set(*, export: Export, progress: int) -> None:
    # A plain UPDATE, committed at once, so the API shows progress while the build goes on.
    Export.objects.filter(pk=export.pk, status=Export.Status.RUNNING).update(progress=progress)
    export.progress = progress


def export_build(*, export: Export) -> Export:
    """Builds the archive and stores it. Idempotent: a finished export is left alone, and a
    redelivered one (its worker died mid-build) starts over, replacing any partial archive.
    """
    if export.status in (Export.Status.SUCCEEDED, Export.Status.FAILED):
        return export
    previous_file = export.file.name if export.file else ""
    Export.objects.filter(pk=export.pk).update(
        status=Export.Status.RUNNING, progress=0, started_at=timezone.now(), file=""
    )
    export.status, export.progress = Export.Status.RUNNING, 0
    if previous_file:
        export.file.storage.delete(previous_file)

    sections = export_sections()
    with tempfile.SpooledTemporaryFile(max_size=10 * 1024 * 1024) as buffer:
        with ExportArchive(buffer) as archive:
            for done, section in enumerate(sections, start=1):
                section.write(user=export.user, archive=archive)
                _progress_set(export=export, progress=done * SECTIONS_PROGRESS_SHARE // len(sections))
        size = buffer.tell()
        buffer.seek(0)
        stamp = timezone.now().strftime("%Y%m%d")
        name = export.file.field.generate_filename(export, f"{export.pk}/personal-data-{stamp}.zip")
        stored_name = export.file.storage.save(name, File(buffer), max_length=255)

    now = timezone.now()
    with transaction.atomic():
        updated = Export.objects.filter(pk=export.pk, status=Export.Status.RUNNING).update(
            status=Export.Status.SUCCEEDED,
            progress=100,
            file=stored_name,
            size=size,
            finished_at=now,
            expires_at=now + settings.EXPORTS_RETENTION,
        )
        if updated:
            enqueue_on_commit(tasks.send_export_ready_email, export.pk)
    if not updated:
        # Someone else finished or failed it meanwhile (a duplicate delivery); keep theirs.
        export.file.storage.delete(stored_name)
    export.refresh_from_db()
    return export


def export_fail(*, export_id: str, failure_code: Export.FailureCode, error: str) -> bool:
    """The build gave up: the user sees ``failed`` with ``failure_code``'s reason and may ask again
    at once; ``error`` is for operators only. False if it was not in flight (the first failure path
    to run keeps its reason)."""
    now = timezone.now()
    return bool(
        Export.objects.filter(pk=export_id, status__in=Export.ACTIVE_STATUSES).update(
            status=Export.Status.FAILED,
            failure_code=failure_code,
            finished_at=now,
            expires_at=now + settings.EXPORTS_RETENTION,
            error=error[:255],
        )
    )


def export_ready_notify(*, export: Export) -> None:
    """Emails the owner that the archive is ready, once.

    Marked after sending: a crash in between sends it twice, which beats never sending it.
    """
    if export.notified_at is not None or export.status != Export.Status.SUCCEEDED:
        return
    emails.export_ready_email_send(export=export)
    Export.objects.filter(pk=export.pk).update(notified_at=timezone.now())


def exports_cleanup(*, now: datetime | None = None) -> tuple[int, int]:
    """Deletes expired exports (their archives go with them, see signals) and fails stale ones.

    An export still pending or running after ``EXPORTS_STALE_AFTER`` lost its task
    (dead-lettered after its worker died on it every time); failing it lets the
    user ask again. Returns (deleted, failed).
    """
    now = now or timezone.now()
    failed = 0
    for export_id in selectors.exports_stale_ids(now=now):
        failed += export_fail(
            export_id=export_id,
            failure_code=Export.FailureCode.INTERRUPTED,
            error="stale: the build task never finished",
        )
    deleted = 0
    for export in selectors.exports_expired(now=now):
        export.delete()
        deleted += 1
    return deleted, failed
