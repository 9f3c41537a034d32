import pytest
from rest_framework.test import APIClient

from apps.accounts.tests.factories import UserFactory
from apps.content.models import Article
from apps.content.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_an_author_submits_their_draft_through_the_api(author):
    ArticleFactory(draft=True, author=author, slug="mine")

    response = _client(author).post("/api/v1/articles/mine/transitions/", {"action": "submit"}, format="json")

    assert response.status_code == 200
    assert response.json()["status"] == "in_review"


def test_a_forbidden_transition_is_a_403_problem(author):
    ArticleFactory(draft=True, author=author, slug="mine")

    response = _client(author).post("/api/v1/articles/mine/transitions/", {"action": "publish"}, format="json")

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "permission_denied"
    assert Article.objects.get().status == Article.Status.DRAFT


def test_a_transition_from_the_wrong_state_is_a_409_problem(editor):
    ArticleFactory(draft=True, slug="draft")

    response = _client(editor).post(
        "/api/v1/articles/draft/transitions/", {"action": "request_changes", "note": "x"}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_schedule_without_a_time_is_a_400(editor):
    ArticleFactory(draft=True, slug="draft")

    response = _client(editor).post("/api/v1/articles/draft/transitions/", {"action": "schedule"}, format="json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "publishAt"


def test_readers_do_not_learn_that_a_draft_exists():
    ArticleFactory(draft=True, slug="draft")

    response = _client(UserFactory()).post("/api/v1/articles/draft/transitions/", {"action": "submit"}, format="json")

    assert response.status_code == 404
