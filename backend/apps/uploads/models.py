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
        ARTICLE_IMAGE = "article_image", _("Article image")

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


class ArticleImage(BaseModel):
    """An image for article bodies, in the media library: re-encoded, with the alt text it was inserted with.

    Bodies link to it by a stable address (``/api/v1/images/<id>/``, a redirect to a fresh file URL),
    never by a presigned URL, which would expire inside the stored Markdown.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file = models.FileField(_("file"), upload_to="article-images/", max_length=255)
    thumbnail = models.FileField(_("thumbnail"), upload_to="article-images/thumbnails/", max_length=255, blank=True)
    alt_text = models.CharField(
        _("alt text"), max_length=300, help_text=_("What the image shows, for readers who cannot see it.")
    )
    # As the client named it; shown and searched in the library, never used as a storage name.
    filename = models.CharField(_("file name"), max_length=255)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="article_images",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("article image")
        verbose_name_plural = _("media library")

    def __str__(self) -> str:
        return self.alt_text or self.filename
