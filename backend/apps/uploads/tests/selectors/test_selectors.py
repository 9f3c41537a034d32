"""The not-found convention: ``_get`` raises Http404, ``_find`` returns None."""

import uuid
from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from apps.accounts.tests.factories import UserFactory
from apps.uploads import selectors
from apps.uploads.models import Upload
from apps.uploads.tests.factories import UploadFactory

pytestmark = pytest.mark.django_db


def test_someone_elses_upload_is_as_absent_as_an_unknown_one(user):
    theirs = UploadFactory()

    for upload_id in (theirs.pk, uuid.uuid4()):
        with pytest.raises(Http404):
            selectors.upload_get_own(upload_id=upload_id, user=user)
    assert selectors.upload_get_own(upload_id=theirs.pk, user=theirs.owner) == theirs


def test_only_a_pending_upload_takes_bytes():
    ready = UploadFactory(status=Upload.Status.READY)
    pending = UploadFactory()

    with pytest.raises(Http404):
        selectors.upload_get_pending(upload_id=ready.pk)
    assert selectors.upload_get_pending(upload_id=pending.pk) == pending


def test_an_avatar_upload_is_found_only_for_its_owner_and_purpose(user):
    mine = UploadFactory(owner=user)

    assert selectors.upload_find_own_avatar(upload_id=mine.pk, user=user) == mine
    assert selectors.upload_find_own_avatar(upload_id=mine.pk, user=UserFactory()) is None
    assert selectors.upload_find_own_avatar(upload_id=uuid.uuid4(), user=user) is None


def test_expired_uploads_are_listed_and_live_ones_are_not():
    expired = UploadFactory(expires_at=timezone.now() - timedelta(seconds=1))
    UploadFactory()

    assert [upload.pk for upload in selectors.uploads_expired()] == [expired.pk]


def test_a_user_is_found_only_while_the_avatar_is_still_theirs(user):
    user.avatar.name = "avatars/a.webp"
    user.save(update_fields=["avatar"])

    assert selectors.user_find_with_avatar(user_id=user.pk, avatar_name="avatars/a.webp") == user
    assert selectors.user_find_with_avatar(user_id=user.pk, avatar_name="avatars/replaced.webp") is None
