import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from apps.common.exceptions import ApplicationError
from apps.exports import services, tasks
from apps.exports.models import Export
from apps.exports.registry import export_section_register, export_section_unregister
from apps.exports.tests.factories import ExportFactory

pytestmark = pytest.mark.django_db


def read_archive(export: Export) -> zipfile.ZipFile:
    with export.file.open("rb") as file:
        return zipfile.ZipFile(io.BytesIO(file.read()))


@pytest.fixture
def failing_section():
    def explode(*, user, archive):
        raise ValueError("section broke")

    export_section_register(name="broken", write=explode)
    yield
    export_section_unregister(name="broken")


def test_requested_export_is_built_after_commit_and_announced(user, django_capture_on_commit_callbacks):
    user.avatar.save("me.png", ContentFile(b"\x89PNG fake"), save=True)
    with django_capture_on_commit_callbacks(execute=True):
        export = services.export_request(user=user)

    export.refresh_from_db()
    assert export.status == Export.Status.SUCCEEDED
    assert export.progress == 100
    assert export.expires_at > timezone.now() + timedelta(days=6)
    assert export.size == export.file.size
    archive = read_archive(export)
    assert json.loads(archive.read("account.json"))["email"] == user.email
    assert archive.read("avatar.png") == b"\x89PNG fake"
    assert json.loads(archive.read("comments.json")) == []
    [email] = mail.outbox
    assert email.to == [user.email]
    assert "/account" in email.body
    assert email.alternatives[0][1] == "text/html"
    assert export.notified_at is not None


def test_a_second_export_while_one_is_in_flight_is_refused(user):
    services.export_request(user=user)

    with pytest.raises(ApplicationError) as refused:
        services.export_request(user=user)

    assert refused.value.code == "export_in_progress"
    assert refused.value.status_code == 409


def test_a_new_export_may_start_once_the_last_one_finished(user):
    ExportFactory(user=user, status=Export.Status.SUCCEEDED)
    ExportFactory(user=user, status=Export.Status.FAILED)

    assert services.export_request(user=user).status == Export.Status.PENDING


def test_progress_advances_section_by_section(user):
    seen = []

    def spy(*, user, archive):
        seen.append(Export.objects.get(user=user).progress)

    export_section_register(name="spy", write=spy)
    try:
        export = services.export_build(export=ExportFactory(user=user))
    finally:
        export_section_unregister(name="spy")

    # account, avatar, comments and history ran before the spy: 4 of 5 sections of the 90 % share.
    assert seen == [72]
    assert export.progress == 100


def test_building_a_finished_export_again_changes_nothing(user):
    export = ExportFactory(user=user, status=Export.Status.SUCCEEDED, progress=100)

    assert services.export_build(export=export).file.name == ""


def test_a_redelivered_build_replaces_the_partial_archive(user):
    partial = default_storage.save("exports/partial.zip", ContentFile(b"half"))
    export = ExportFactory(user=user, status=Export.Status.RUNNING, file=partial, progress=40)

    export = services.export_build(export=export)

    assert export.status == Export.Status.SUCCEEDED
    assert not default_storage.exists(partial)
    assert default_storage.exists(export.file.name)


def test_a_build_finished_elsewhere_meanwhile_keeps_the_other_archive(user, monkeypatch):
    export = ExportFactory(user=user)

    def finish_elsewhere(*, user, archive):
        Export.objects.filter(pk=export.pk).update(status=Export.Status.SUCCEEDED)

    export_section_register(name="race", write=finish_elsewhere)
    try:
        result = services.export_build(export=export)
    finally:
        export_section_unregister(name="race")

    assert result.file.name == ""
    assert list(default_storage.listdir("exports")[1]) == []


def test_a_build_that_keeps_failing_marks_the_export_failed(user, failing_section):
    export = ExportFactory(user=user)

    # throw=False: Celery handles the failure as a worker does and runs the task's on_failure.
    result = tasks.build_export.apply(args=[str(export.pk)], throw=False)

    assert isinstance(result.result, ValueError)

    export.refresh_from_db()
    assert export.status == Export.Status.FAILED
    assert export.error == "ValueError: section broke"
    assert export.expires_at is not None


def test_cleanup_deletes_expired_exports_with_their_archives(user, django_capture_on_commit_callbacks):
    name = default_storage.save("exports/old.zip", ContentFile(b"old"))
    ExportFactory(
        user=user, status=Export.Status.SUCCEEDED, file=name, expires_at=timezone.now() - timedelta(minutes=1)
    )
    kept = ExportFactory(user=user, status=Export.Status.SUCCEEDED, expires_at=timezone.now() + timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        assert services.exports_cleanup() == (1, 0)

    assert list(Export.objects.all()) == [kept]
    assert not default_storage.exists(name)


def test_cleanup_fails_exports_whose_task_was_lost(user, settings):
    stale = ExportFactory(user=user, status=Export.Status.RUNNING)
    Export.objects.filter(pk=stale.pk).update(created_at=timezone.now() - settings.EXPORTS_STALE_AFTER)

    assert services.exports_cleanup() == (0, 1)

    stale.refresh_from_db()
    assert stale.status == Export.Status.FAILED
    assert stale.error.startswith("stale")


def test_deleting_the_account_deletes_the_archives(user, django_capture_on_commit_callbacks):
    name = default_storage.save("exports/mine.zip", ContentFile(b"mine"))
    ExportFactory(user=user, status=Export.Status.SUCCEEDED, file=name)

    with django_capture_on_commit_callbacks(execute=True):
        user.delete()

    assert not default_storage.exists(name)


def test_the_ready_email_goes_out_once(user):
    export = ExportFactory(user=user, status=Export.Status.SUCCEEDED, expires_at=timezone.now())

    tasks.send_export_ready_email.apply(args=[str(export.pk)])
    tasks.send_export_ready_email.apply(args=[str(export.pk)])

    assert len(mail.outbox) == 1


def test_tasks_for_exports_that_no_longer_exist_do_nothing():
    missing = "00000000-0000-0000-0000-000000000000"

    assert tasks.build_export.apply(args=[missing]).result is None
    tasks.send_export_ready_email.apply(args=[missing])
    assert mail.outbox == []


def test_cleanup_task_reports_what_it_did(user):
    ExportFactory(user=user, status=Export.Status.FAILED, expires_at=timezone.now() - timedelta(seconds=1))

    assert tasks.cleanup_expired_exports.apply().result == {"deleted": 1, "failed": 0}


def test_the_export_holds_the_versions_the_user_made_and_those_of_their_comments(
    user, django_capture_on_commit_callbacks
):
    from apps.content import services as content_services
    from apps.content.models import Article
    from apps.content.tests.factories import ArticleFactory, CommentFactory

    content_services.article_save(article=Article(title="Mine", slug="mine", body="Text"), actor=user)
    comment = CommentFactory(author=user, body="My words")
    content_services.comment_moderate(comment=comment, state=comment.State.HIDDEN)  # an editor's change
    content_services.article_save(article=ArticleFactory(title="Not mine"))
    with django_capture_on_commit_callbacks(execute=True):
        export = services.export_request(user=user)

    export.refresh_from_db()
    history = json.loads(read_archive(export).read("history.json"))
    assert [(entry["model"], entry["change"], entry["byYou"]) for entry in history] == [
        ("article", "created", True),
        ("comment", "created", False),
        ("comment", "changed", False),
    ]
    assert history[0]["fields"]["title"] == "Mine"
    assert history[2]["fields"] | {"edited_at": None} == {
        "article_id": comment.article_id,
        "body": "My words",
        "state": "hidden",
        "edited_at": None,
    }
