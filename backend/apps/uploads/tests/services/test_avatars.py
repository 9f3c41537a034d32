"""Avatars made from finished uploads: re-encoding, replacing, removing, thumbnails."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import Image

from apps.accounts.tests.factories import UserFactory
from apps.common.exceptions import ApplicationError
from apps.uploads import services
from apps.uploads.models import Upload
from apps.uploads.tests.factories import stored_upload
from apps.uploads.tests.images import image_bytes, png_header

pytestmark = pytest.mark.django_db


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
