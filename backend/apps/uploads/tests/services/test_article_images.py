"""Media-library images: an article-image upload finished into the library with its alt text,
re-encoded, the raw upload gone, a thumbnail by task; refused without alt text or as another type."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import Image

from apps.accounts.tests.factories import UserFactory
from apps.common.exceptions import ApplicationError
from apps.uploads import image_services
from apps.uploads.models import ArticleImage, Upload
from apps.uploads.tests.factories import stored_upload
from apps.uploads.tests.images import image_bytes

pytestmark = pytest.mark.django_db


def _article_upload(user, content: bytes | None = None, content_type: str = "image/png"):
    content = image_bytes(image_format="PNG", size=(80, 60), exif=False) if content is None else content
    return stored_upload(
        content=content, owner=user, purpose=Upload.Purpose.ARTICLE_IMAGE, content_type=content_type, filename="p.png"
    )


def test_an_article_image_is_reencoded_into_the_library_with_its_alt_text(django_capture_on_commit_callbacks):
    user = UserFactory()
    upload = _article_upload(user)

    with django_capture_on_commit_callbacks(execute=True):
        image = image_services.article_image_create(user=user, upload_id=upload.pk, alt_text="  A red\n square ")

    assert image.alt_text == "A red square"
    assert (image.width, image.height, image.filename, image.uploaded_by) == (80, 60, "p.png", user)
    assert image.file.name.startswith("article-images/")
    assert image.file.name.endswith(".webp")
    with default_storage.open(image.file.name) as stored:
        assert Image.open(stored).format == "WEBP"
    assert image.size == default_storage.size(image.file.name)
    assert not Upload.objects.filter(pk=upload.pk).exists()
    assert not default_storage.exists(upload.key)
    # The thumbnail task ran after commit (eagerly, in tests).
    image.refresh_from_db()
    assert image.thumbnail.name.startswith("article-images/thumbnails/")


def test_the_thumbnail_task_is_safe_to_run_twice(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        image = image_services.article_image_create(user=user, upload_id=_article_upload(user).pk, alt_text="x")
    assert image_services.article_image_thumbnail_make(image_id=image.pk) is False


def test_blank_alt_text_is_refused_and_the_upload_kept_for_another_try():
    user = UserFactory()
    upload = _article_upload(user)

    with pytest.raises(ValidationError) as refused:
        image_services.article_image_create(user=user, upload_id=upload.pk, alt_text="   ")

    assert refused.value.message_dict == {"alt_text": ["Describe the image for readers who cannot see it."]}
    assert Upload.objects.filter(pk=upload.pk).exists()
    assert not ArticleImage.objects.exists()


def test_an_avatar_upload_is_not_an_article_image():
    user = UserFactory()
    upload = stored_upload(owner=user)  # an avatar upload

    with pytest.raises(ValidationError) as refused:
        image_services.article_image_create(user=user, upload_id=upload.pk, alt_text="x")

    assert "upload_id" in refused.value.message_dict


def test_bytes_that_are_not_the_announced_image_are_refused_and_deleted():
    user = UserFactory()
    upload = _article_upload(user, content=b"%PDF-1.4 not an image")

    with pytest.raises(ApplicationError) as refused:
        image_services.article_image_create(user=user, upload_id=upload.pk, alt_text="x")

    assert refused.value.code == "unsupported_media_type"
    assert not Upload.objects.filter(pk=upload.pk).exists()
    assert not default_storage.exists(upload.key)


def test_deleting_an_image_deletes_its_files_and_alt_updates_are_cleaned(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        image = image_services.article_image_create(user=user, upload_id=_article_upload(user).pk, alt_text="x")
    image.refresh_from_db()
    names = [image.file.name, image.thumbnail.name]

    image_services.article_image_update(image=image, alt_text=" A  better  description ")
    assert ArticleImage.objects.get().alt_text == "A better description"
    with django_capture_on_commit_callbacks(execute=True):
        image_services.article_image_delete(image=image)

    assert not ArticleImage.objects.exists()
    assert not any(default_storage.exists(name) for name in names)
