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
    assert (export.status, export.failure_code) == (Export.Status.FAILED, Export.FailureCode.BUILD_ERROR)
    assert export.error == "ValueError: section broke"
    assert export.expires_at is not None


def test_a_build_stopped_by_its_time_limit_fails_as_timed_out(user):
    from celery.exceptions import TimeLimitExceeded

    export = ExportFactory(user=user, status=Export.Status.RUNNING, progress=60)

    # What the worker's main process calls when the hard time limit killed the pool child.
    tasks.build_export.on_failure(TimeLimitExceeded(660), "t-1", (str(export.pk),), {}, None)

    export.refresh_from_db()
    assert (export.status, export.failure_code) == (Export.Status.FAILED, Export.FailureCode.TIMED_OUT)
    assert export.error.startswith("TimeLimitExceeded")


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


def test_cleanup_fails_an_export_running_past_its_tasks_hard_time_limit(user, settings):
    """Not after 6 hours: a build cannot run longer than its hard time limit, so one that did lost its worker."""
    now = timezone.now()
    limit = timedelta(seconds=settings.EXPORTS_TASK_TIME_LIMIT) + settings.EXPORTS_STALE_GRACE
    stale = ExportFactory(user=user, status=Export.Status.RUNNING, started_at=now - limit - timedelta(seconds=1))
    running = ExportFactory(status=Export.Status.RUNNING, started_at=now - limit + timedelta(seconds=30))

    assert services.exports_cleanup(now=now) == (0, 1)

    stale.refresh_from_db()
    running.refresh_from_db()
    assert (stale.status, running.status) == (Export.Status.FAILED, Export.Status.RUNNING)
    assert stale.failure_code == Export.FailureCode.INTERRUPTED
    assert stale.error.startswith("stale")
    assert limit < timedelta(minutes=15)


def test_cleanup_fails_an_export_pending_for_hours(user, settings):
    lost = ExportFactory(user=user, status=Export.Status.PENDING)
    Export.objects.filter(pk=lost.pk).update(created_at=timezone.now() - settings.EXPORTS_STALE_AFTER)
    queued = ExportFactory(status=Export.Status.PENDING)

    assert services.exports_cleanup() == (0, 1)

    lost.refresh_from_db()
    queued.refresh_from_db()
    assert (lost.status, queued.status) == (Export.Status.FAILED, Export.Status.PENDING)


def test_a_dead_lettered_build_fails_its_export_and_a_new_one_can_start(user):
    from apps.exports.tasks import build_export
    from apps.jobs.dead_letters import dead_letter_handle

    export = ExportFactory(user=user, status=Export.Status.RUNNING, progress=60)
    headers = {"task": build_export.name, "id": "t-1", "x-first-death-reason": "delivery_limit"}

    assert dead_letter_handle(headers=headers, body=[[str(export.pk)], {}, {}])

    export.refresh_from_db()
    assert (export.status, export.failure_code) == (Export.Status.FAILED, Export.FailureCode.INTERRUPTED)
    assert export.error == "dead-lettered (delivery_limit)"
    assert services.export_request(user=user).status == Export.Status.PENDING


def test_a_later_failure_path_keeps_the_first_reason(user, failing_section):
    """on_failure ran (the build raised); the rejected message's dead letter then changes nothing."""
    from apps.jobs.dead_letters import dead_letter_handle

    export = ExportFactory(user=user)
    tasks.build_export.apply(args=[str(export.pk)], throw=False)
    headers = {"task": tasks.build_export.name, "id": "t-1", "x-first-death-reason": "rejected"}

    assert dead_letter_handle(headers=headers, body=[[str(export.pk)], {}, {}])

    export.refresh_from_db()
    assert (export.failure_code, export.error) == (Export.FailureCode.BUILD_ERROR, "ValueError: section broke")


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
