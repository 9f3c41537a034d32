import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.common.models import BaseModel


class Upload(BaseModel):
    """A file the browser sends straight to storage, waiting to be checked and used.

    ``pending`` until the client says it finished and the bytes pass the checks,
    then ``ready``; consumed (attached as an avatar, then deleted) or expired.
    """

    class Purpose(models.TextChoices):
        AVATAR = "avatar", _("Avatar")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        READY = "ready", _("Ready")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="uploads")
    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    # As the client named it; informative only, never used as a storage name.
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    key = models.CharField(max_length=255, unique=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.purpose} upload {self.pk} ({self.status})"
