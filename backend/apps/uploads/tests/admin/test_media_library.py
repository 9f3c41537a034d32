"""The admin editor's image endpoints and the media library: upload (local stand-in and S3 through
moto, posted like the browser), finish with alt text, search, the stable address, and who may."""

import pytest
import requests
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from apps.accounts.tests.factories import UserFactory
from apps.content.tests.factories import role_user
from apps.uploads.models import ArticleImage, Upload
from apps.uploads.tests.images import image_bytes

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/uploads/articleimage/upload/"
FINISH_URL = "/admin/uploads/articleimage/finish/"
LIBRARY_URL = "/admin/uploads/articleimage/library/"


@pytest.fixture
def author_client() -> Client:
    client = Client()
    client.force_login(role_user("Authors"))
    return client


def _start(client: Client, content: bytes):
    data = {"filename": "pasted.png", "contentType": "image/png", "size": len(content)}
    return client.post(UPLOAD_URL, data, content_type="application/json")


def _finish(client: Client, upload_id: str, alt_text: str):
    return client.post(FINISH_URL, {"uploadId": upload_id, "altText": alt_text}, content_type="application/json")


def _paste_locally(client: Client, content: bytes, alt_text: str = "A red square"):
    started = _start(client, content)
    assert started.status_code == 201, started.json()
    target = started.json()["upload"]
    form = {**target["fields"], "file": SimpleUploadedFile("pasted.png", content, content_type="image/png")}
    assert APIClient().post(target["url"], form, format="multipart").status_code == 204
    return _finish(client, started.json()["id"], alt_text)


def test_an_author_pastes_an_image_into_the_library_on_local_storage(author_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        finished = _paste_locally(author_client, image_bytes(image_format="PNG"))

    assert finished.status_code == 201
    image = ArticleImage.objects.get()
    assert finished.json() == {
        "id": str(image.pk),
        "url": f"/api/v1/images/{image.pk}/",
        "thumbnailUrl": image.file.url,  # the thumbnail task runs after the answer
        "altText": "A red square",
        "width": 64,
        "height": 48,
    }
    assert image.thumbnail.name.startswith("article-images/thumbnails/")
    # The stable address redirects to the file, for the admin's preview and the site alike.
    redirect = Client().get(finished.json()["url"])
    assert redirect.status_code == 302
    assert redirect["Location"] == image.file.url
    assert "max-age=" in redirect["Cache-Control"]


def test_finishing_without_alt_text_is_a_field_error(author_client):
    finished = _paste_locally(author_client, image_bytes(image_format="PNG"), alt_text=" ")

    assert finished.status_code == 400
    assert finished.json()["errors"] == [
        {"field": "altText", "code": "required", "message": "Describe the image for readers who cannot see it."}
    ]


def test_a_file_that_is_not_an_image_is_415_in_the_problem_shape(author_client):
    finished = _paste_locally(author_client, b"GIF89a not really")

    assert finished.status_code == 415
    assert finished["Content-Type"] == "application/problem+json"
    assert not Upload.objects.exists()


@pytest.mark.usefixtures("s3_settings")
def test_the_browser_posts_the_image_straight_to_s3(author_client, django_capture_on_commit_callbacks):
    content = image_bytes(image_format="PNG")
    started = _start(author_client, content).json()
    target = started["upload"]
    assert target["url"].startswith("http://127.0.0.1:")  # the moto server, not this backend
    posted = requests.post(
        target["url"], data=target["fields"], files={"file": ("p.png", content, "image/png")}, timeout=10
    )
    assert posted.status_code == 204
    raw_key = Upload.objects.get().key

    with django_capture_on_commit_callbacks(execute=True):
        finished = _finish(author_client, started["id"], "Pasted")

    assert finished.status_code == 201
    image = ArticleImage.objects.get()
    assert default_storage.exists(image.file.name)
    assert not default_storage.exists(raw_key)
    assert requests.get(Client().get(finished.json()["url"])["Location"], timeout=10).status_code == 200


def test_the_library_lists_newest_first_and_searches_alt_text_and_file_names(author_client):
    for alt_text in ("A red square", "Blue sky"):
        _paste_locally(author_client, image_bytes(image_format="PNG"), alt_text=alt_text)

    everything = author_client.get(LIBRARY_URL).json()["results"]
    assert [image["altText"] for image in everything] == ["Blue sky", "A red square"]
    assert [image["altText"] for image in author_client.get(LIBRARY_URL, {"q": "sky"}).json()["results"]] == [
        "Blue sky"
    ]
    assert len(author_client.get(LIBRARY_URL, {"q": "pasted"}).json()["results"]) == 2


def test_the_library_page_shows_thumbnail_alt_text_size_and_uploader(author_client):
    _paste_locally(author_client, image_bytes(image_format="PNG"))
    page = author_client.get("/admin/uploads/articleimage/", {"q": "red"}).content.decode()
    assert "A red square" in page
    assert "media-library-thumbnail" in page
    assert "pasted.png" in page


@pytest.mark.parametrize("role", ["Moderators", None])
def test_those_who_do_not_write_articles_get_no_images(role):
    client = Client()
    client.force_login(role_user(role) if role else UserFactory())
    assert _start(client, b"x").status_code == 403
    assert client.get(LIBRARY_URL).status_code == 403
    assert client.get("/admin/uploads/articleimage/").status_code in {302, 403}


def test_an_unknown_image_address_is_404_in_the_problem_shape():
    response = Client().get("/api/v1/images/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
