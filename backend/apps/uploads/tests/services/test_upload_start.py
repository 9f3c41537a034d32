"""Starting an upload and storing its bytes through the local (non-S3) target."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from apps.accounts.tests.factories import UserFactory
from apps.common.exceptions import ApplicationError
from apps.uploads import services
from apps.uploads.models import Upload
from apps.uploads.tests.images import image_bytes

pytestmark = pytest.mark.django_db


def _start(user, **overrides):
    data = {"purpose": "avatar", "filename": "me.jpg", "content_type": "image/jpeg", "size": 1000} | overrides
    return services.upload_start(user=user, **data)


def test_start_records_a_pending_upload_under_a_generated_key():
    upload = _start(UserFactory(), filename="../../etc/passwd.jpg")

    assert upload.status == Upload.Status.PENDING
    assert upload.key.startswith("uploads/")
    assert "passwd" not in upload.key
    assert upload.expires_at > timezone.now()


def test_start_refuses_types_other_than_jpeg_png_webp():
    with pytest.raises(ApplicationError) as error:
        _start(UserFactory(), content_type="image/svg+xml")

    assert error.value.status_code == 415
    assert not Upload.objects.exists()


def test_start_refuses_files_over_the_size_limit(settings):
    with pytest.raises(ApplicationError) as error:
        _start(UserFactory(), size=settings.UPLOADS_MAX_BYTES + 1)

    assert error.value.status_code == 413


def test_local_target_is_the_api_form_with_a_signed_field():
    upload = _start(UserFactory())

    target = services.upload_target(upload=upload)

    assert target["url"] == f"/api/v1/uploads/{upload.pk}/content/"
    assert set(target["fields"]) == {"key", "Content-Type", "signature"}


def test_local_store_refuses_a_forged_signature():
    upload = _start(UserFactory())

    with pytest.raises(ApplicationError) as error:
        services.upload_content_store(
            upload_id=upload.pk, signature="forged", content_type="image/jpeg", file=ContentFile(image_bytes())
        )

    assert error.value.status_code == 403


def test_local_store_refuses_a_signature_of_another_upload():
    upload = _start(UserFactory())
    other = _start(UserFactory())
    signature = services.upload_target(upload=other)["fields"]["signature"]

    with pytest.raises(ApplicationError):
        services.upload_content_store(
            upload_id=upload.pk, signature=signature, content_type="image/jpeg", file=ContentFile(image_bytes())
        )


@pytest.mark.parametrize(
    ("content_type", "content", "status"),
    [("image/png", image_bytes(), 415), ("image/jpeg", b"", 400)],
)
def test_local_store_enforces_the_form_limits(content_type, content, status):
    upload = _start(UserFactory())
    signature = services.upload_target(upload=upload)["fields"]["signature"]

    with pytest.raises((ApplicationError, ValidationError)) as error:
        services.upload_content_store(
            upload_id=upload.pk, signature=signature, content_type=content_type, file=ContentFile(content)
        )

    assert getattr(error.value, "status_code", 400) == status
    assert not default_storage.exists(upload.key)


def test_local_store_refuses_files_over_the_limit(settings):
    settings.UPLOADS_MAX_BYTES = 100
    upload = _start(UserFactory(), size=50)
    signature = services.upload_target(upload=upload)["fields"]["signature"]

    with pytest.raises(ApplicationError) as error:
        services.upload_content_store(
            upload_id=upload.pk, signature=signature, content_type="image/jpeg", file=ContentFile(b"x" * 101)
        )

    assert error.value.status_code == 413
