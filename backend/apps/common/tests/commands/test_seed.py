from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from apps.accounts.models import User
from apps.content.models import Article, Comment, Tag

pytestmark = pytest.mark.django_db


def _seed(*args: str) -> str:
    out = StringIO()
    call_command("seed", *args, stdout=out)
    return out.getvalue()


def test_seed_creates_demo_content_and_prints_working_logins(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        output = _seed("--articles", "3")

    assert Article.objects.live().count() == 3
    assert Article.objects.filter(status=Article.Status.SCHEDULED).count() == 1
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 1
    assert Article.objects.exclude(cover_image="").count() == 3
    assert Comment.objects.count() == 6
    editor = User.objects.get(email="editor@example.com")
    assert editor.is_staff
    assert editor.groups.filter(name="Editors").exists()
    assert "editor@example.com / editor-demo-password" in output
    assert authenticate(email="demo@example.com", password="demo-demo-password") is not None


def test_seed_is_idempotent():
    _seed("--articles", "2", "--no-covers")
    _seed("--articles", "2", "--no-covers")

    assert Article.objects.count() == 4
    assert Comment.objects.count() == 4
    assert Tag.objects.count() == 6
    assert User.objects.count() == 3


def test_seed_refuses_production_settings(settings):
    settings.IS_PRODUCTION = True

    with pytest.raises(CommandError):
        _seed()
