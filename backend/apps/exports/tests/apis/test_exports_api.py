from datetime import timedelta
from uuid import uuid4

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from apps.accounts.tests.factories import UserFactory
from apps.exports.models import Export
from apps.exports.tests.factories import ExportFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/users/me/exports/"


def detail_url(export_id) -> str:
    return f"{LIST_URL}{export_id}/"


def test_starting_an_export_answers_202_with_the_job(auth_client):
    response = auth_client.post(LIST_URL)

    assert response.status_code == 202
    body = response.json()
    assert set(body) == {"id", "status", "progress", "size", "downloadUrl", "failure", "expiresAt", "createdAt"}
    assert body["status"] == "pending"
    assert body["failure"] is None
    assert body["progress"] == 0
    assert body["downloadUrl"] is None
    assert body["expiresAt"] is None


def test_starting_an_export_while_one_runs_is_a_409(auth_client, user):
    ExportFactory(user=user, status=Export.Status.RUNNING, progress=30)

    response = auth_client.post(LIST_URL)

    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "export_in_progress"


def test_a_finished_export_has_a_download_url_until_it_expires(auth_client, user):
    export = ExportFactory(
        user=user,
        status=Export.Status.SUCCEEDED,
        progress=100,
        file=ContentFile(b"zip", name="personal-data.zip"),
        expires_at=timezone.now() + timedelta(days=1),
    )

    body = auth_client.get(detail_url(export.pk)).json()

    assert body["status"] == "succeeded"
    assert body["downloadUrl"].endswith(".zip")
    Export.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert auth_client.get(detail_url(export.pk)).json()["downloadUrl"] is None


@pytest.mark.parametrize(
    ("failure_code", "english", "german"),
    [
        (Export.FailureCode.BUILD_ERROR, "Something went wrong", "Beim Erstellen"),
        (Export.FailureCode.TIMED_OUT, "took too long", "zu lange"),
        (Export.FailureCode.INTERRUPTED, "was interrupted", "unterbrochen"),
    ],
)
def test_a_failed_export_says_why_in_the_users_language_and_never_the_exception(
    auth_client, user, failure_code, english, german
):
    export = ExportFactory(
        user=user, status=Export.Status.FAILED, failure_code=failure_code, error="OperationalError: db-7 refused"
    )

    body = auth_client.get(detail_url(export.pk)).json()

    assert body["failure"]["code"] == failure_code
    assert english in body["failure"]["message"]
    assert "db-7" not in str(body)
    # [copier] if lang_de
    german_body = auth_client.get(detail_url(export.pk), headers={"accept-language": "de"}).json()
    assert german_body["failure"]["code"] == failure_code
    assert german in german_body["failure"]["message"]
    assert "db-7" not in str(german_body)
    # [copier] end


def test_after_a_failed_export_a_new_one_starts_at_once(auth_client, user):
    ExportFactory(user=user, status=Export.Status.FAILED, failure_code=Export.FailureCode.INTERRUPTED)

    response = auth_client.post(LIST_URL)

    assert response.status_code == 202
    assert [item["status"] for item in auth_client.get(LIST_URL).json()] == ["pending", "failed"]


def test_an_unknown_export_is_a_404(auth_client):
    response = auth_client.get(detail_url(uuid4()))

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_someone_elses_export_is_a_404(auth_client):
    theirs = ExportFactory(user=UserFactory())

    response = auth_client.get(detail_url(theirs.pk))

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_malformed_export_id_is_a_404(auth_client):
    response = auth_client.get(detail_url("not-a-uuid"))

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_exports_need_a_login(api_client):
    assert api_client.post(LIST_URL).status_code == 401
    assert api_client.get(detail_url(uuid4())).status_code == 401


def test_starting_exports_is_throttled(auth_client, user):
    for _ in range(5):  # the "exports" rate: 5/hour
        assert auth_client.post(LIST_URL).status_code == 202
        Export.objects.filter(user=user).update(status=Export.Status.SUCCEEDED)

    response = auth_client.post(LIST_URL)

    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert "Retry-After" in response


def test_the_list_shows_your_exports_newest_first_with_size_and_download(auth_client, user):
    older = ExportFactory(user=user, status=Export.Status.FAILED)
    done = ExportFactory(user=user, status=Export.Status.SUCCEEDED, progress=100, size=1234)
    done.file.save("done.zip", ContentFile(b"zip"), save=False)
    done.expires_at = timezone.now() + timedelta(days=7)
    done.save()
    running = ExportFactory(user=user, status=Export.Status.RUNNING, progress=40)
    ExportFactory(status=Export.Status.SUCCEEDED)  # someone else's

    response = auth_client.get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert [item["id"] for item in body] == [str(running.pk), str(done.pk), str(older.pk)]
    assert body[0]["progress"] == 40
    assert body[1]["size"] == 1234
    assert body[1]["downloadUrl"]
    assert body[2]["downloadUrl"] is None
    assert body[2]["failure"]["code"] == "build_error"
    assert body[1]["failure"] is None


def test_reading_the_list_does_not_count_against_the_exports_rate(auth_client):
    for _ in range(6):
        assert auth_client.get(LIST_URL).status_code == 200

    assert auth_client.post(LIST_URL).status_code == 202


def test_the_list_needs_a_login(api_client):
    assert api_client.get(LIST_URL).status_code == 401
