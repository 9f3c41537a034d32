"""The media library: images for article bodies, uploaded through the same direct-to-storage flow
as avatars (start, post to S3 or the local stand-in, finish), then re-encoded and kept with their
alt text for reuse. See docs/media.md#article-images.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.jobs.services import enqueue_on_commit
from apps.uploads import selectors, services, tasks
from apps.uploads.images import image_reencode, image_thumbnail
from apps.uploads.models import ArticleImage, Upload

IMAGE_PREFIX = "article-images/"
THUMBNAIL_PREFIX = "article-images/thumbnails/"


def _alt_text_clean(alt_text: str) -> str:
    alt_text = " ".join(alt_text.split())
    if not alt_text:
        raise ValidationError(
            {"alt_text": ValidationError(_("Describe the image for readers who cannot see it."), code="required")}
        )
    return alt_text


def article_image_start(*, user: User, filename: str, content_type: str, size: int) -> Upload:
    return services.upload_start(
        user=user, purpose=Upload.Purpose.ARTICLE_IMAGE, filename=filename, content_type=content_type, size=size
    )


def article_image_create(*, user: User, upload_id: uuid.UUID, alt_text: str) -> ArticleImage:
    """Finishes the user's upload (its checks: presence, size, sniffed type), re-encodes it into the
    library with its alt text, and deletes the raw upload; a task makes the thumbnail."""
    alt_text = _alt_text_clean(alt_text)
    upload = selectors.upload_get_own(upload_id=upload_id, user=user)
    if upload.purpose != Upload.Purpose.ARTICLE_IMAGE:
        raise ValidationError({"upload_id": ValidationError(_("No article image upload with this id."), "not_found")})
    upload = services.upload_finish(upload_id=upload.pk, user=user)
    try:
        with default_storage.open(upload.key, "rb") as raw:
            encoded = image_reencode(file=raw, prefix=IMAGE_PREFIX)
    except ApplicationError:
        default_storage.delete(upload.key)
        upload.delete()
        raise
    with Image.open(encoded) as decoded:
        width, height = decoded.size
    stored_name = default_storage.save(encoded.name, encoded)
    try:
        with transaction.atomic():
            image = ArticleImage.objects.create(
                file=stored_name,
                alt_text=alt_text,
                filename=upload.filename,
                width=width,
                height=height,
                size=encoded.size,
                uploaded_by=user,
            )
            upload.delete()
            services.storage_delete_on_commit(name=upload.key)
            enqueue_on_commit(tasks.make_article_image_thumbnail, str(image.pk))
    except Exception:
        default_storage.delete(stored_name)  # nothing half-stored
        raise
    return image


def article_image_update(*, image: ArticleImage, alt_text: str) -> ArticleImage:
    """A new default alt text for later insertions; bodies keep the text they were written with."""
    image.alt_text = _alt_text_clean(alt_text)
    image.save(update_fields=["alt_text", "updated_at"])
    return image


@transaction.atomic
def article_image_delete(*, image: ArticleImage) -> None:
    """Removes the image and its files; bodies that still show it show a broken image."""
    names = [name for name in (image.file.name, image.thumbnail.name) if name]
    image.delete()
    for name in names:
        services.storage_delete_on_commit(name=name)


def article_image_thumbnail_make(*, image_id: uuid.UUID) -> bool:
    """Makes the library thumbnail, unless the image is gone or already has one. Safe to run twice."""
    image = ArticleImage.objects.filter(pk=image_id, thumbnail="").first()
    if image is None:
        return False
    with default_storage.open(str(image.file.name), "rb") as source:
        thumbnail = image_thumbnail(file=source, prefix=THUMBNAIL_PREFIX)
    thumbnail_name = default_storage.save(thumbnail.name, thumbnail)
    with transaction.atomic():
        updated = (
            ArticleImage.objects.select_for_update().filter(pk=image_id, thumbnail="").update(thumbnail=thumbnail_name)
        )
        if not updated:  # deleted, or a concurrent run was first
            transaction.on_commit(lambda: default_storage.delete(thumbnail_name))
    return bool(updated)
