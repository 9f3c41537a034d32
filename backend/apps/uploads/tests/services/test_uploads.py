from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.utils import timezone
from PIL import Image

from apps.accounts.tests.factories import UserFactory
from apps.common.exceptions import ApplicationError
from apps.uploads import services
from apps.uploads.models import Upload
from apps.uploads.tests.factories import UploadFactory, stored_upload
from apps.uploads.tests.images import image_bytes, png_header

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


def test_a_decompression_bomb_is_refused_before_decoding(settings):
    settings.UPLOADS_MAX_PIXELS = 1000
    upload = stored_upload(content=image_bytes(size=(100, 100)), status=Upload.Status.READY)

    with pytest.raises(ApplicationError) as error:
        services.avatar_set(user=upload.owner, upload_id=upload.pk)

    assert error.value.status_code == 413
    assert not default_storage.exists(upload.key)


def test_a_header_above_pillows_hard_limit_is_refused_as_an_avatar_and_deleted():
    # Finish refuses it first; this is an upload marked ready before that check existed.
    content = png_header(width=20_000, height=20_000)
    upload = stored_upload(content=content, content_type="image/png", status=Upload.Status.READY)

    with pytest.raises(ApplicationError) as error:
        services.avatar_set(user=upload.owner, upload_id=upload.pk)

    assert (error.value.status_code, error.value.code) == (413, "payload_too_large")
    assert not default_storage.exists(upload.key)
    assert not Upload.objects.filter(pk=upload.pk).exists()
    upload.owner.refresh_from_db()
    assert not upload.owner.avatar


def test_avatar_is_re_encoded_without_exif_and_the_raw_upload_is_gone(django_capture_on_commit_callbacks):
    upload = stored_upload(content=image_bytes(exif=True), status=Upload.Status.READY)
    user = upload.owner

    with django_capture_on_commit_callbacks(execute=True):
        services.avatar_set(user=user, upload_id=upload.pk)

    user.refresh_from_db()
    assert user.avatar.name.startswith("avatars/")
    assert user.avatar.name.endswith(".webp")
    with default_storage.open(user.avatar.name) as stored, Image.open(stored) as image:
        assert image.format == "WEBP"
        assert not image.getexif()
    assert user.avatar_thumbnail.name.startswith("avatars/thumbnails/")
    assert not default_storage.exists(upload.key)
    assert not Upload.objects.exists()


def test_a_new_avatar_replaces_the_old_files(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.avatar_set(user=user, upload_id=stored_upload(owner=user, status=Upload.Status.READY).pk)
    user.refresh_from_db()
    old = [user.avatar.name, user.avatar_thumbnail.name]
    assert all(old)

    with django_capture_on_commit_callbacks(execute=True):
        services.avatar_set(user=user, upload_id=stored_upload(owner=user, status=Upload.Status.READY).pk)

    assert not any(default_storage.exists(name) for name in old)


def test_avatar_needs_a_finished_upload_of_the_same_user():
    pending = stored_upload()
    others = stored_upload(status=Upload.Status.READY)

    for user, upload in ((pending.owner, pending), (UserFactory(), others)):
        with pytest.raises(ValidationError):
            services.avatar_set(user=user, upload_id=upload.pk)


def test_removing_the_avatar_deletes_its_files(django_capture_on_commit_callbacks):
    upload = stored_upload(status=Upload.Status.READY)
    user = upload.owner
    with django_capture_on_commit_callbacks(execute=True):
        services.avatar_set(user=user, upload_id=upload.pk)
    user.refresh_from_db()
    names = [user.avatar.name, user.avatar_thumbnail.name]
    assert all(names)

    with django_capture_on_commit_callbacks(execute=True):
        services.avatar_delete(user=user)

    user.refresh_from_db()
    assert not user.avatar
    assert not any(default_storage.exists(name) for name in names)


def test_thumbnail_is_not_made_for_an_avatar_replaced_meanwhile():
    user = UserFactory(avatar="avatars/current.webp")

    assert services.avatar_thumbnail_make(user_id=user.pk, avatar_name="avatars/older.webp") is False
