import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.common.models import BaseModel


class Export(BaseModel):
    """One personal data export of a user: its job state and, once built, the archive."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    class FailureCode(models.TextChoices):
        """Why a failed export failed, as the user is told it: a stable code and its message (the label)."""

        BUILD_ERROR = "build_error", _("Something went wrong while building your export. Please start a new one.")
        TIMED_OUT = "timed_out", _("Building your export took too long and was stopped. Please start a new one.")
        INTERRUPTED = "interrupted", _("Building your export was interrupted. Please start a new one.")

    ACTIVE_STATUSES = (Status.PENDING, Status.RUNNING)

    # Random, so an export's id (and its archive's storage path) cannot be guessed.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exports")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(100)])
    file = models.FileField(upload_to="exports/", max_length=255, blank=True)
    # Stored with the archive, so a list of exports does not ask the storage for each file's size.
    size = models.PositiveBigIntegerField(null=True, blank=True, help_text=_("Size of the archive in bytes"))
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    # Set with status "failed": what the API tells the user (never the exception text below).
    failure_code = models.CharField(max_length=16, choices=FailureCode.choices, blank=True)
    # For operators (admin, logs); the API never shows it.
    error = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ("-created_at",)
        constraints = [
            # The database, not only the service, guarantees one export in flight per user.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status__in=["pending", "running"]),
                name="exports_one_active_per_user",
            ),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="exports_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"Export {self.id} of user {self.user_id} ({self.status})"
