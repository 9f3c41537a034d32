"""Direct-to-storage uploads (start, receive locally, finish), avatars and cleanup.

The bytes never pass through the API when S3 is on: the browser posts them to a
presigned S3 form. With embedded defaults, an API endpoint plays S3's part with
the same form fields and limits. Either way, ``upload_finish`` checks what
arrived before anything uses it. See docs/media.md.
"""

import uuid
from datetime import timedelta
from http import HTTPStatus
from io import BytesIO
from typing import IO, Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.jobs.services import enqueue_on_commit
from apps.uploads import selectors, tasks
from apps.uploads.images import (
    ACCEPTED_CONTENT_TYPES,
    image_reencode,
    image_sniff,
    image_thumbnail,
    too_large_error,
    unsupported_type_error,
)
from apps.uploads.models import Upload

_LOCAL_UPLOAD_SALT = "uploads.local-post"
# Enough for any JPEG/PNG/WebP header, including a full EXIF block before a JPEG's frame header.
_SNIFF_BYTES = 128 * 1024


def storage_delete_on_commit(*, name: str) -> None:
    """Deletes a stored file once the transaction that stopped referencing it has committed."""
    transaction.on_commit(lambda: default_storage.delete(name))


# --- Start, receive, finish ------------------------------------------------------------------


def upload_start(*, user: User, purpose: str, filename: str, content_type: str, size: int) -> Upload:
    if content_type not in ACCEPTED_CONTENT_TYPES:
        raise unsupported_type_error()
    if size > settings.UPLOADS_MAX_BYTES:
        raise too_large_error()
    return Upload.objects.create(
        owner=user,
        purpose=purpose,
        filename=filename,
        content_type=content_type,
        size=size,
        key=f"uploads/{uuid.uuid4().hex}",
        expires_at=timezone.now() + timedelta(seconds=settings.UPLOADS_EXPIRE_SECONDS),
    )


def upload_target(*, upload: Upload) -> dict[str, Any]:
    """Where and how the browser posts the bytes: ``{url, fields}`` of a multipart form."""
    expire = max(1, int((upload.expires_at - timezone.now()).total_seconds()))
    if settings.USE_S3:
        return default_storage.presigned_post(  # type: ignore[attr-defined]
            name=upload.key, content_type=upload.content_type, max_bytes=settings.UPLOADS_MAX_BYTES, expire=expire
        )
    # The local stand-in for S3 is authorised like S3: by a signed form field, not a bearer token.
    return {
        "url": reverse("api:uploads:upload-content", kwargs={"upload_id": upload.pk}),
        "fields": {
            "key": upload.key,
            "Content-Type": upload.content_type,
            "signature": signing.dumps(str(upload.pk), salt=_LOCAL_UPLOAD_SALT),
        },
    }


def upload_content_store(*, upload_id: uuid.UUID, signature: str, content_type: str, file: IO[bytes]) -> None:
    """Local-storage stand-in for S3's POST: stores the bytes if the signed form allows them."""
    try:
        signed_id = signing.loads(signature, salt=_LOCAL_UPLOAD_SALT, max_age=settings.UPLOADS_EXPIRE_SECONDS)
    except signing.BadSignature:
        signed_id = None
    if signed_id != str(upload_id):
        raise ApplicationError(
            code="permission_denied",
            detail=_("The upload form is invalid or has expired. Start the upload again."),
            status_code=HTTPStatus.FORBIDDEN,
        )
    upload = selectors.upload_get_pending(upload_id=upload_id)
    if content_type != upload.content_type:
        raise unsupported_type_error()
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    if size > settings.UPLOADS_MAX_BYTES:
        raise too_large_error()
    if size == 0:
        raise ValidationError({"file": ValidationError(_("The file is empty."), code="empty")})
    # Posting again replaces the object, as on S3.
    default_storage.delete(upload.key)
    default_storage.save(upload.key, file)


def _upload_discard(upload: Upload) -> None:
    default_storage.delete(upload.key)
    upload.delete()


def _upload_check(upload: Upload) -> None:
    if upload.expires_at <= timezone.now():
        raise ApplicationError(code="upload_expired", detail=_("This upload has expired. Start it again."))
    if not default_storage.exists(upload.key):
        raise ApplicationError(
            code="upload_incomplete", detail=_("The file has not arrived yet. Post it to the upload URL first.")
        )
    size = default_storage.size(upload.key)
    if size > settings.UPLOADS_MAX_BYTES:
        raise too_large_error()
    if size != upload.size:
        raise ApplicationError(
            code="upload_size_mismatch",
            detail=_("The stored file has %(size)d bytes, not the %(announced)d announced. Start the upload again.")
            % {"size": size, "announced": upload.size},
        )
    with default_storage.open(upload.key, "rb") as stored:
        head = BytesIO(stored.read(_SNIFF_BYTES))
    if image_sniff(file=head) != upload.content_type:
        raise unsupported_type_error()


def upload_finish(*, upload_id: uuid.UUID, user: User) -> Upload:
    """Checks the stored bytes (presence, size, real type, pixel count) and marks the upload ready. Idempotent.

    A file that fails the checks is deleted with its upload: nothing half-stored stays behind.
    """
    upload = selectors.upload_get_own(upload_id=upload_id, user=user)
    if upload.status == Upload.Status.READY:
        return upload
    try:
        _upload_check(upload)
    except (ApplicationError, ValidationError) as error:
        # A client error (the checks turn whatever the client stored into one of these two): the object
        # is unusable, so it goes with its upload, except a missing one, which the client may still post.
        # Anything else (a storage outage, a bug) propagates and the expiry cleanup deletes the upload.
        if getattr(error, "code", None) != "upload_incomplete":
            _upload_discard(upload)
        raise
    upload.status = Upload.Status.READY
    upload.save(update_fields=["status", "updated_at"])
    return upload


def uploads_cleanup_expired() -> int:
    """Deletes uploads never used before their expiry, with their stored bytes. Returns how many."""
    expired = selectors.uploads_expired()
    for upload in expired:
        _upload_discard(upload)
    return len(expired)


# --- Avatars ------------------------------------------------------------------------------------


def avatar_set(*, user: User, upload_id: uuid.UUID) -> User:
    """Re-encodes a finished upload as the user's avatar; the raw upload is deleted, a task makes the thumbnail."""
    upload = selectors.upload_find_own_avatar(upload_id=upload_id, user=user)
    if upload is None:
        raise ValidationError({"upload_id": ValidationError(_("No avatar upload with this id."), code="not_found")})
    if upload.status != Upload.Status.READY:
        raise ValidationError(
            {"upload_id": ValidationError(_("Finish the upload before using it."), code="upload_not_ready")}
        )
    try:
        with default_storage.open(upload.key, "rb") as raw:
            avatar = image_reencode(file=raw, prefix="avatars/")
    except ApplicationError:
        _upload_discard(upload)
        raise

    new_name = default_storage.save(avatar.name, avatar)
    try:
        with transaction.atomic():
            old_names = _avatar_names_locked(user)
            user.avatar.name = new_name
            user.avatar_thumbnail.name = ""
            user.save(update_fields=["avatar", "avatar_thumbnail"])
            upload.delete()
            for name in [*old_names, upload.key]:
                storage_delete_on_commit(name=name)
            enqueue_on_commit(tasks.make_avatar_thumbnail, user.pk, new_name)
    except Exception:
        default_storage.delete(new_name)  # nothing half-stored
        raise
    return user


def _avatar_names_locked(user: User) -> list[str]:
    """The stored names as the database has them now (the thumbnail task may have written since ``user`` loaded)."""
    names = User.objects.select_for_update().filter(pk=user.pk).values_list("avatar", "avatar_thumbnail").get()
    return [name for name in names if name]


@transaction.atomic
def avatar_delete(*, user: User) -> User:
    old_names = _avatar_names_locked(user)
    user.avatar.name = ""
    user.avatar_thumbnail.name = ""
    user.save(update_fields=["avatar", "avatar_thumbnail"])
    for name in old_names:
        storage_delete_on_commit(name=name)
    return user


def avatar_thumbnail_make(*, user_id: int, avatar_name: str) -> bool:
    """Makes the thumbnail of this avatar, unless the avatar changed since or already has one."""
    user = selectors.user_find_with_avatar(user_id=user_id, avatar_name=avatar_name)
    if user is None or user.avatar_thumbnail:
        return False
    with default_storage.open(avatar_name, "rb") as source:
        thumbnail = image_thumbnail(file=source, prefix="avatars/thumbnails/")
    thumbnail_name = default_storage.save(thumbnail.name, thumbnail)
    user.avatar_thumbnail.name = thumbnail_name
    with transaction.atomic():
        # Locked re-check: the avatar may have been replaced while the thumbnail was made.
        current = User.objects.select_for_update().filter(pk=user_id, avatar=avatar_name, avatar_thumbnail="")
        if not current.exists():
            transaction.on_commit(lambda: default_storage.delete(thumbnail_name))
            return False
        # save(), not update(): signals refresh the cached responses that show avatars.
        user.save(update_fields=["avatar_thumbnail"])
    return True
