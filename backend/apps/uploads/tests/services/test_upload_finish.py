"""Finishing an upload: the checks a stored file must pass, and the cleanup of what fails or expires."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404
from django.utils import timezone

from apps.accounts.tests.factories import UserFactory
from apps.common.exceptions import ApplicationError
from apps.uploads import services
from apps.uploads.models import Upload
from apps.uploads.tests.factories import UploadFactory, stored_upload
from apps.uploads.tests.images import image_bytes, png_header

pytestmark = pytest.mark.django_db


def test_finish_marks_a_valid_image_ready_and_is_idempotent():
    upload = stored_upload()

    assert services.upload_finish(upload_id=upload.pk, user=upload.owner).status == Upload.Status.READY
    assert services.upload_finish(upload_id=upload.pk, user=upload.owner).status == Upload.Status.READY


def test_finish_before_the_file_arrived_keeps_the_upload_for_a_retry():
    upload = UploadFactory()

    with pytest.raises(ApplicationError) as error:
        services.upload_finish(upload_id=upload.pk, user=upload.owner)

    assert error.value.code == "upload_incomplete"
    assert Upload.objects.filter(pk=upload.pk).exists()


def test_finish_refuses_another_users_upload():
    upload = stored_upload()

    with pytest.raises(Http404):
        services.upload_finish(upload_id=upload.pk, user=UserFactory())


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"content": b"GIF89a" + b"\0" * 100, "content_type": "image/jpeg"}, "unsupported_media_type"),
        ({"content": image_bytes(image_format="PNG"), "content_type": "image/jpeg"}, "unsupported_media_type"),
        ({"expires_at": timezone.now() - timedelta(seconds=1)}, "upload_expired"),
    ],
    ids=["not-an-image", "type-differs-from-declared", "expired"],
)
def test_finish_deletes_a_file_that_fails_the_checks(overrides, code):
    upload = stored_upload(**overrides)

    with pytest.raises(ApplicationError) as error:
        services.upload_finish(upload_id=upload.pk, user=upload.owner)

    assert error.value.code == code
    assert not default_storage.exists(upload.key)
    assert not Upload.objects.filter(pk=upload.pk).exists()


@pytest.mark.parametrize(
    ("width", "height"),
    [(20_000, 20_000), (10_000, 10_000), (6_000, 6_000)],
    ids=["above-pillow-hard-limit", "between-pillow-limits", "above-our-limit-only"],
)
def test_finish_deletes_a_header_declaring_too_many_pixels(width, height):
    upload = stored_upload(content=png_header(width=width, height=height), content_type="image/png")

    with pytest.raises(ApplicationError) as error:
        services.upload_finish(upload_id=upload.pk, user=upload.owner)

    assert (error.value.status_code, error.value.code) == (413, "payload_too_large")
    assert not default_storage.exists(upload.key)
    assert not Upload.objects.filter(pk=upload.pk).exists()


def test_finish_deletes_a_file_that_fails_with_a_validation_error(monkeypatch):
    upload = stored_upload()

    def refuse(**kwargs):
        raise ValidationError("Not this one.", code="invalid")

    monkeypatch.setattr(services, "image_sniff", refuse)

    with pytest.raises(ValidationError):
        services.upload_finish(upload_id=upload.pk, user=upload.owner)

    assert not default_storage.exists(upload.key)
    assert not Upload.objects.filter(pk=upload.pk).exists()


def test_finish_keeps_the_upload_when_a_check_fails_on_our_side(monkeypatch):
    upload = stored_upload()

    def outage(**kwargs):
        raise ConnectionError("storage unreachable")

    monkeypatch.setattr(services, "image_sniff", outage)

    with pytest.raises(ConnectionError):
        services.upload_finish(upload_id=upload.pk, user=upload.owner)

    assert default_storage.exists(upload.key)
    assert Upload.objects.get(pk=upload.pk).status == Upload.Status.PENDING


def test_finish_refuses_a_size_other_than_announced():
    upload = stored_upload()
    Upload.objects.filter(pk=upload.pk).update(size=upload.size + 1)

    with pytest.raises(ApplicationError) as error:
        services.upload_finish(upload_id=upload.pk, user=upload.owner)

    assert error.value.code == "upload_size_mismatch"


def test_finish_refuses_a_stored_file_over_the_limit(settings):
    upload = stored_upload()
    settings.UPLOADS_MAX_BYTES = upload.size - 1

    with pytest.raises(ApplicationError) as error:
        services.upload_finish(upload_id=upload.pk, user=upload.owner)

    assert error.value.status_code == 413


def test_cleanup_deletes_expired_uploads_and_their_bytes_only():
    expired = stored_upload(expires_at=timezone.now() - timedelta(minutes=1))
    fresh = stored_upload()

    assert services.uploads_cleanup_expired() == 1

    assert not default_storage.exists(expired.key)
    assert list(Upload.objects.all()) == [fresh]


def test_deleting_an_account_deletes_its_raw_uploads(django_capture_on_commit_callbacks):
    upload = stored_upload()

    with django_capture_on_commit_callbacks(execute=True):
        upload.owner.delete()

    assert not default_storage.exists(upload.key)
