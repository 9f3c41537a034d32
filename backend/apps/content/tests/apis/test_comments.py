import pytest
from rest_framework.test import APIClient
from rest_framework.throttling import ScopedRateThrottle

from apps.accounts.tests.factories import UserFactory
from apps.content.models import Comment
from apps.content.tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def _client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=user)
    return client


def _comments_url(article) -> str:
    return f"/api/v1/articles/{article.slug}/comments/"


def test_list_shows_visible_comments_oldest_first_in_the_contract_shape(api_client):
    article = ArticleFactory()
    author = UserFactory(first_name="Grace", last_name="Hopper")
    first = CommentFactory(article=article, author=author)
    CommentFactory(article=article, state=Comment.State.HIDDEN)
    second = CommentFactory(article=article)

    response = api_client.get(_comments_url(article))

    assert response.status_code == 200
    results = response.json()["results"]
    assert [c["id"] for c in results] == [first.pk, second.pk]
    assert results[0]["author"] == {"id": author.pk, "name": "Grace Hopper", "avatarThumbnailUrl": None}
    assert set(results[0]) == {"id", "author", "body", "createdAt", "editedAt"}


def test_comments_of_an_unpublished_article_are_404(api_client):
    assert api_client.get(_comments_url(ArticleFactory(draft=True))).status_code == 404


def test_anonymous_users_cannot_comment(api_client):
    response = api_client.post(_comments_url(ArticleFactory()), {"body": "Hi"})

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_unverified_users_cannot_comment():
    client = _client_for(UserFactory(is_email_verified=False))

    response = client.post(_comments_url(ArticleFactory()), {"body": "Hi"})

    assert response.status_code == 403
    assert response.json()["code"] == "email_not_verified"


def test_verified_user_comments_and_the_body_comes_back_as_typed(auth_client, user):
    article = ArticleFactory()

    response = auth_client.post(_comments_url(article), {"body": "<script>alert(1)</script> looks fine"})

    assert response.status_code == 201
    assert response.json()["body"] == "<script>alert(1)</script> looks fine"
    assert response.json()["author"]["id"] == user.pk
    assert response.json()["editedAt"] is None


def test_blank_comment_is_a_validation_error(auth_client):
    response = auth_client.post(_comments_url(ArticleFactory()), {"body": "   "})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body"


def test_comment_on_an_unpublished_article_is_404(auth_client):
    assert auth_client.post(_comments_url(ArticleFactory(draft=True)), {"body": "Hi"}).status_code == 404


def test_commenting_is_throttled(auth_client, monkeypatch):
    # DRF copies the rates into the class when it is imported.
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "comments", "2/min")
    article = ArticleFactory()

    statuses = [auth_client.post(_comments_url(article), {"body": "again"}).status_code for _ in range(3)]

    assert statuses == [201, 201, 429]


def test_author_edits_a_comment_and_edited_at_is_set():
    comment = CommentFactory()

    response = _client_for(comment.author).patch(f"/api/v1/comments/{comment.pk}/", {"body": "Fixed typo"})

    assert response.status_code == 200
    assert response.json()["body"] == "Fixed typo"
    assert response.json()["editedAt"] is not None


def test_non_author_cannot_edit_or_delete_a_comment(auth_client):
    comment = CommentFactory()
    url = f"/api/v1/comments/{comment.pk}/"

    assert auth_client.patch(url, {"body": "mine now"}).status_code == 403
    response = auth_client.delete(url)
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_hidden_and_unknown_comments_are_404_even_for_their_author():
    hidden = CommentFactory(state=Comment.State.HIDDEN)
    client = _client_for(hidden.author)

    assert client.patch(f"/api/v1/comments/{hidden.pk}/", {"body": "x"}).status_code == 404
    assert client.delete("/api/v1/comments/999999/").status_code == 404


def test_author_deletes_a_comment():
    comment = CommentFactory()

    response = _client_for(comment.author).delete(f"/api/v1/comments/{comment.pk}/")

    assert response.status_code == 204
    assert not Comment.objects.filter(pk=comment.pk).exists()
