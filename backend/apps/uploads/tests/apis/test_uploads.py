"""The upload contract end to end: start, post the form like a browser, finish, attach.

Once against local storage (embedded defaults) and once against a real S3 HTTP
server (moto), where the form is a presigned POST and the avatar a presigned GET URL.
"""

import time
from datetime import timedelta
from io import BytesIO

import boto3
import pytest
import requests
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from freezegun import freeze_time
from PIL import Image
from rest_framework.test import APIClient

from apps.accounts.tests.factories import UserFactory
from apps.uploads.tests.images import image_bytes, png_header

pytestmark = pytest.mark.django_db


def _start(client: APIClient, content: bytes, content_type: str = "image/jpeg"):
    return client.post(
        "/api/v1/uploads/",
        {"purpose": "avatar", "filename": "me.jpg", "contentType": content_type, "size": len(content)},
    )


def _post_local_form(upload: dict, content: bytes, *, content_type: str = "image/jpeg"):
    """As the browser does: every field first, the file last, under the name ``file``; no bearer token."""
    form = {**upload["fields"], "file": SimpleUploadedFile("me.jpg", content, content_type=content_type)}
    return APIClient().post(upload["url"], form, format="multipart")


def test_anonymous_users_cannot_start_an_upload(api_client):
    response = _start(api_client, image_bytes())

    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        ({"contentType": "application/pdf", "size": 10}, 415, "unsupported_media_type"),
        ({"contentType": "image/png", "size": 6 * 1024 * 1024}, 413, "payload_too_large"),
        ({"contentType": "image/png", "size": 0}, 400, "validation_error"),
        ({"purpose": "cover", "contentType": "image/png", "size": 10}, 400, "validation_error"),
    ],
)
def test_start_refuses_bad_announcements_in_the_problem_shape(auth_client, data, status, code):
    response = auth_client.post("/api/v1/uploads/", {"purpose": "avatar", "filename": "x.png", **data})

    assert response.status_code == status
    assert response.json()["code"] == code


def test_local_upload_flow_sets_and_removes_the_avatar(auth_client, user, django_capture_on_commit_callbacks):
    content = image_bytes(exif=True)

    started = _start(auth_client, content)
    assert started.status_code == 201
    upload_id, upload = started.json()["id"], started.json()["upload"]
    assert _post_local_form(upload, content).status_code == 204

    finished = auth_client.post(f"/api/v1/uploads/{upload_id}/finish/")
    assert finished.json() == {"id": upload_id, "status": "ready"}

    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.put("/api/v1/users/me/avatar/", {"uploadId": upload_id})
    assert response.status_code == 200
    assert response.json()["avatar"]["url"].startswith("/media/avatars/")
    user.refresh_from_db()
    assert default_storage.exists(user.avatar_thumbnail.name)

    with django_capture_on_commit_callbacks(execute=True):
        assert auth_client.delete("/api/v1/users/me/avatar/").status_code == 204
    assert auth_client.get("/api/v1/users/me/").json()["avatar"] is None


def test_local_form_refuses_a_forged_signature(auth_client):
    content = image_bytes()
    upload = _start(auth_client, content).json()["upload"]
    upload["fields"]["signature"] = "forged"

    response = _post_local_form(upload, content)

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_local_form_refuses_another_type_than_announced(auth_client):
    content = image_bytes()
    upload = _start(auth_client, content).json()["upload"]
    upload["fields"]["Content-Type"] = "image/png"

    assert _post_local_form(upload, content).status_code == 415


def test_local_form_refuses_an_oversized_body_before_reading_it(auth_client, settings):
    content = image_bytes()
    upload = _start(auth_client, content).json()["upload"]
    settings.UPLOADS_MAX_BYTES = 10

    response = APIClient().post(
        upload["url"],
        {**upload["fields"], "file": SimpleUploadedFile("x.jpg", b"y")},
        format="multipart",
        CONTENT_LENGTH=10**9,
    )

    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


def test_local_form_needs_the_file(auth_client):
    upload = _start(auth_client, image_bytes()).json()["upload"]

    response = APIClient().post(upload["url"], upload["fields"], format="multipart")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "file"


def test_finishing_a_disguised_file_is_415_and_it_is_gone(auth_client):
    content = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
    started = _start(auth_client, content).json()
    assert _post_local_form(started["upload"], content).status_code == 204

    response = auth_client.post(f"/api/v1/uploads/{started['id']}/finish/")

    assert response.status_code == 415
    assert not default_storage.exists(started["upload"]["fields"]["key"])
    assert auth_client.post(f"/api/v1/uploads/{started['id']}/finish/").status_code == 404


def test_finishing_a_header_above_pillows_hard_limit_is_413_and_it_is_gone(auth_client):
    content = png_header(width=20_000, height=20_000)  # 45 bytes declaring 400 megapixels
    started = _start(auth_client, content, content_type="image/png").json()
    assert _post_local_form(started["upload"], content, content_type="image/png").status_code == 204

    response = auth_client.post(f"/api/v1/uploads/{started['id']}/finish/")

    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert (problem["status"], problem["code"]) == (413, "payload_too_large")
    assert "pixels" in problem["detail"]
    assert not default_storage.exists(started["upload"]["fields"]["key"])
    assert auth_client.post(f"/api/v1/uploads/{started['id']}/finish/").status_code == 404


def test_someone_elses_upload_is_404_on_finish_and_400_on_avatar(auth_client):
    other = APIClient()
    other.force_authenticate(UserFactory())
    upload_id = _start(other, image_bytes()).json()["id"]

    assert auth_client.post(f"/api/v1/uploads/{upload_id}/finish/").status_code == 404
    response = auth_client.put("/api/v1/users/me/avatar/", {"uploadId": upload_id})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "uploadId"


@pytest.mark.s3
def test_s3_upload_flow_with_presigned_post_and_presigned_get(
    s3_settings, auth_client, user, django_capture_on_commit_callbacks
):
    content = image_bytes(size=(300, 200))

    started = _start(auth_client, content)
    assert started.status_code == 201
    upload_id, upload = started.json()["id"], started.json()["upload"]
    assert upload["url"].startswith(s3_settings.AWS_S3_ENDPOINT_URL)
    assert {"key", "Content-Type", "policy", "x-amz-signature"} <= set(upload["fields"])

    posted = requests.post(upload["url"], data=upload["fields"], files={"file": ("me.jpg", content)}, timeout=10)
    assert posted.status_code == 204, posted.text

    assert auth_client.post(f"/api/v1/uploads/{upload_id}/finish/").json()["status"] == "ready"
    with django_capture_on_commit_callbacks(execute=True):
        avatar = auth_client.put("/api/v1/users/me/avatar/", {"uploadId": upload_id}).json()["avatar"]

    assert "X-Amz-Signature=" in avatar["url"]
    downloaded = requests.get(avatar["url"], timeout=10)
    assert downloaded.status_code == 200
    with Image.open(BytesIO(downloaded.content)) as image:
        assert image.format == "WEBP"
        assert image.size == (300, 200)
    user.refresh_from_db()  # the thumbnail task saved its own copy of the user
    thumbnail = auth_client.get("/api/v1/users/me/").json()["avatar"]["thumbnailUrl"]
    assert requests.get(thumbnail, timeout=10).status_code == 200

    s3 = boto3.client(
        "s3",
        endpoint_url=s3_settings.AWS_S3_ENDPOINT_URL,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    assert s3.list_objects_v2(Bucket=settings.AWS_STORAGE_BUCKET_NAME, Prefix="uploads/").get("KeyCount") == 0

    with django_capture_on_commit_callbacks(execute=True):
        assert auth_client.delete("/api/v1/users/me/avatar/").status_code == 204
    assert requests.get(avatar["url"], timeout=10).status_code == 404


@pytest.mark.s3
def test_s3_finish_before_the_post_is_upload_incomplete(s3_settings, auth_client):
    upload_id = _start(auth_client, image_bytes()).json()["id"]

    response = auth_client.post(f"/api/v1/uploads/{upload_id}/finish/")

    assert response.status_code == 400
    assert response.json()["code"] == "upload_incomplete"


@pytest.mark.s3
def test_s3_the_local_form_endpoint_does_not_exist(s3_settings, auth_client):
    started = _start(auth_client, image_bytes()).json()

    response = APIClient().post(f"/api/v1/uploads/{started['id']}/content/", {}, format="multipart")

    assert response.status_code == 404


@pytest.mark.s3
def test_s3_public_endpoint_is_used_for_browser_urls(s3_settings, auth_client):
    s3_settings.AWS_S3_PUBLIC_ENDPOINT_URL = "http://localhost:4566"

    upload = _start(auth_client, image_bytes()).json()["upload"]

    assert upload["url"].startswith("http://localhost:4566/")
    assert default_storage.url("avatars/x.webp").startswith("http://localhost:4566/")


@pytest.mark.s3
def test_s3_urls_are_reused_while_fresh_and_signed_anew_after(s3_settings, monkeypatch):
    first = default_storage.url("covers/a.webp")

    assert default_storage.url("covers/a.webp") == first
    assert default_storage.url("covers/b.webp") != first
    later = time.monotonic() + s3_settings.AWS_QUERYSTRING_EXPIRE
    monkeypatch.setattr(time, "monotonic", lambda: later)
    with freeze_time(timezone.now() + timedelta(seconds=s3_settings.AWS_QUERYSTRING_EXPIRE)):
        assert default_storage.url("covers/a.webp") != first
