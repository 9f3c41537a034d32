import logging
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from apps.accounts.models import User
from apps.content.models import Article, Comment, Tag
from config.celery import app as celery_app

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
    assert "editor@example.com  editor-demo-password" in output
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


@pytest.fixture
def no_broker(monkeypatch):
    """Celery as `make dev` runs it: no broker URL, tasks inside the caller (the conftest makes them eager)."""
    monkeypatch.setattr(celery_app.conf, "broker_url", None)
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)  # Celery reads it before its settings
    # Connections and producers are pooled per app: drop the pools so none made with a URL is reused.
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)


# Real commits, so the cover thumbnail tasks run where they do in `make seed`: when seed's
# transaction commits, inside the command.
@pytest.mark.django_db(transaction=True)
def test_seed_prints_the_logins_as_one_aligned_table_without_task_noise(no_broker, caplog):
    # A transactional test before this one flushed the groups the content migrations create.
    for role in ("Editors", "Authors"):
        Group.objects.get_or_create(name=role)
    caplog.set_level(logging.INFO)
    output = _seed("--articles", "2")

    assert Article.objects.exclude(cover_thumbnail="").count() == 2
    lines = output.splitlines()
    start = lines.index("  email               password              role")
    assert lines[start + 1 :] == [
        "  ------------------  --------------------  ------------------------",
        "  editor@example.com  editor-demo-password  editor, admin at /admin/",
        "  writer@example.com  writer-demo-password  author, admin at /admin/",
        "  demo@example.com    demo-demo-password    user",
    ]
    noise = [f"{r.name}: {r.getMessage()}" for r in caplog.records if r.name.startswith(("celery", "kombu"))]
    assert noise == []
