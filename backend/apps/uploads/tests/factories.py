from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from apps.accounts.tests.factories import UserFactory
from apps.uploads.models import Upload
from apps.uploads.tests.images import image_bytes


class UploadFactory(factory.django.DjangoModelFactory):
    """A pending avatar upload with nothing stored yet."""

    class Meta:
        model = Upload

    owner = factory.SubFactory(UserFactory)
    purpose = Upload.Purpose.AVATAR
    filename = "me.jpg"
    content_type = "image/jpeg"
    size = 1000
    key = factory.Sequence(lambda n: f"uploads/test-{n}")
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=1))


def stored_upload(*, content: bytes | None = None, **kwargs: object) -> Upload:
    """An upload whose bytes (a small JPEG unless given) are already in storage, as after the browser's POST."""
    content = image_bytes() if content is None else content
    upload = UploadFactory(size=len(content), **kwargs)
    default_storage.save(upload.key, ContentFile(content))
    return upload
