from datetime import timedelta

import pytest
from django.utils import timezone

from apps.accounts.tests.factories import UserFactory
from apps.uploads import tasks
from apps.uploads.models import Upload
from apps.uploads.tests.factories import stored_upload

pytestmark = pytest.mark.django_db


def test_cleanup_expired_uploads_task_reports_how_many_it_deleted():
    stored_upload(expires_at=timezone.now() - timedelta(hours=2))

    assert tasks.cleanup_expired_uploads.delay().get() == 1
    assert tasks.cleanup_expired_uploads.delay().get() == 0
    assert not Upload.objects.exists()


def test_avatar_thumbnail_task_does_nothing_for_a_user_without_that_avatar():
    assert tasks.make_avatar_thumbnail.delay(UserFactory().pk, "avatars/gone.webp").get() is False
