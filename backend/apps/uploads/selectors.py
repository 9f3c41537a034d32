"""Reads for uploads and avatars. ``_get`` raises Http404 when nothing is visible; ``_find`` may return None."""

import uuid

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from apps.accounts.models import User
from apps.uploads.models import ArticleImage, Upload


def upload_get_own(*, upload_id: uuid.UUID, user: User) -> Upload:
    """One of the user's uploads; someone else's is as absent as an unknown one."""
    upload = Upload.objects.filter(pk=upload_id, owner=user).first()
    if upload is None:
        raise Http404("No upload with this id.")
    return upload


def upload_get_pending(*, upload_id: uuid.UUID) -> Upload:
    """An upload still waiting for its bytes (the local stand-in for S3 stores only those)."""
    upload = Upload.objects.filter(pk=upload_id, status=Upload.Status.PENDING).first()
    if upload is None:
        raise Http404("No pending upload with this id.")
    return upload


def upload_find_own_avatar(*, upload_id: uuid.UUID, user: User) -> Upload | None:
    """The user's avatar upload, or None: a wrong id in the avatar form is a field error, not a 404."""
    return Upload.objects.filter(pk=upload_id, owner=user, purpose=Upload.Purpose.AVATAR).first()


def uploads_expired(*, limit: int = 1000) -> list[Upload]:
    """Uploads past their expiry, oldest batch first; enough of each to delete it and its bytes."""
    return list(Upload.objects.filter(expires_at__lte=timezone.now()).only("pk", "key")[:limit])


def user_find_with_avatar(*, user_id: int, avatar_name: str) -> User | None:
    """The user if this is still their avatar: None once it was replaced or removed."""
    return User.objects.filter(pk=user_id, avatar=avatar_name).first()


def article_image_get(*, image_id: uuid.UUID) -> ArticleImage:
    """A library image by id (enough to redirect to its file)."""
    image = ArticleImage.objects.filter(pk=image_id).only("pk", "file").first()
    if image is None:
        raise Http404("No image with this id.")
    return image


def article_images_search(*, query: str = "") -> QuerySet[ArticleImage]:
    """The media library, newest first, optionally narrowed to images whose alt text or file name contains ``query``."""
    images = ArticleImage.objects.all()
    if query.strip():
        images = images.filter(Q(alt_text__icontains=query.strip()) | Q(filename__icontains=query.strip()))
    return images.order_by("-created_at")
