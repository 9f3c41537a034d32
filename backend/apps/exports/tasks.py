"""Export tasks: load by id, call a service. Retries and dead-lettering: apps.jobs.base.ReliableTask."""

from typing import Any

from billiard.einfo import ExceptionInfo
from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from django.conf import settings

from apps.exports import selectors, services
from apps.exports.models import Export
from apps.jobs.base import TRANSIENT_EMAIL_ERRORS, ReliableTask


class BuildExportTask(ReliableTask):
    def on_failure(
        self, exc: Exception, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any], einfo: ExceptionInfo
    ) -> None:
        """Failed for good (retries exhausted, a permanent error, a time limit): the user sees a failed export."""
        export_id = kwargs.get("export_id", args[0] if args else None)
        if export_id is not None:
            timed_out = isinstance(exc, SoftTimeLimitExceeded | TimeLimitExceeded)
            services.export_fail(
                export_id=str(export_id),
                failure_code=Export.FailureCode.TIMED_OUT if timed_out else Export.FailureCode.BUILD_ERROR,
                error=f"{type(exc).__name__}: {exc}",
            )

    def on_dead_letter(self, *, task_id: str, args: tuple[Any, ...], kwargs: dict[str, Any], reason: str) -> None:
        """Dead-lettered without finishing (worker killed past the delivery limit, hard time limit):
        the user sees a failed export and may ask again at once."""
        export_id = kwargs.get("export_id", args[0] if args else None)
        if export_id is not None:
            services.export_fail(
                export_id=str(export_id),
                failure_code=Export.FailureCode.INTERRUPTED,
                error=f"dead-lettered ({reason})",
            )


@shared_task(
    base=BuildExportTask,
    soft_time_limit=settings.EXPORTS_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.EXPORTS_TASK_TIME_LIMIT,
)
def build_export(export_id: str) -> str | None:
    export = selectors.export_find(export_id=export_id)
    if export is None:  # deleted with its user meanwhile
        return None
    return services.export_build(export=export).status


@shared_task(base=ReliableTask, autoretry_for=TRANSIENT_EMAIL_ERRORS)
def send_export_ready_email(export_id: str) -> None:
    export = selectors.export_find(export_id=export_id)
    if export is not None and export.user.is_active:
        services.export_ready_notify(export=export)


@shared_task(base=ReliableTask)
def cleanup_expired_exports() -> dict[str, int]:
    """Beat, every 5 minutes."""
    deleted, failed = services.exports_cleanup()
    return {"deleted": deleted, "failed": failed}
