"""What editors change in the admin reaches readers at once: the admin writes through the
content services, which invalidate the shared response cache as the API's writes do."""

from collections.abc import Callable

import pytest
from django.test import Client

from apps.content.models import Article, Comment, Tag
from apps.content.tests.factories import ArticleFactory, CommentFactory, TagFactory

pytestmark = pytest.mark.django_db


def _change_data(article: Article, tags: list[Tag], **fields: str) -> dict:
    comments = list(article.comments.order_by("pk"))
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "tags": [tag.pk for tag in tags],
        "author": article.author_id,
        "status": "published",
        "publish_at_0": article.publish_at.strftime("%Y-%m-%d"),
        "publish_at_1": article.publish_at.strftime("%H:%M:%S"),
        "edit_version": article.version,
        "comments-TOTAL_FORMS": str(len(comments)),
        "comments-INITIAL_FORMS": str(len(comments)),
        **fields,
    }
    for number, comment in enumerate(comments):
        data |= {f"comments-{number}-id": comment.pk, f"comments-{number}-article": article.pk}
        data[f"comments-{number}-state"] = fields.get(f"comments-{number}-state", comment.state)
    return data


def _posted(response) -> None:
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors


@pytest.fixture
def article(editor) -> Article:
    article = ArticleFactory(author=editor, slug="the-one", title="Before", tags=[TagFactory(name="Python")])
    CommentFactory(article=article)
    return article


def _edit_article(client: Client, article: Article) -> None:
    django = TagFactory(name="Django", slug="django")
    _posted(client.post(f"/admin/content/article/{article.pk}/change/", _change_data(article, [django], title="After")))


def _hide_comment_inline(client: Client, article: Article) -> None:
    data = _change_data(article, list(article.tags.all()), **{"comments-0-state": "hidden"})
    _posted(client.post(f"/admin/content/article/{article.pk}/change/", data))


def _delete_comment_inline(client: Client, article: Article) -> None:
    data = _change_data(article, list(article.tags.all()), **{"comments-0-DELETE": "on"})
    _posted(client.post(f"/admin/content/article/{article.pk}/change/", data))


def _hide_comment(client: Client, article: Article) -> None:
    comment = article.comments.get()
    _posted(client.post(f"/admin/content/comment/{comment.pk}/change/", {"state": "hidden"}))


def _delete_comments(client: Client, article: Article) -> None:
    selected = list(article.comments.values_list("pk", flat=True))
    data = {"action": "delete_selected", "_selected_action": selected, "post": "yes"}
    _posted(client.post("/admin/content/comment/", data))


def _rename_tag(client: Client, article: Article) -> None:
    tag = article.tags.get()
    _posted(client.post(f"/admin/content/tag/{tag.pk}/change/", {"name": "Python 3", "slug": "python-3"}))


def _delete_tag(client: Client, article: Article) -> None:
    _posted(client.post(f"/admin/content/tag/{article.tags.get().pk}/delete/", {"post": "yes"}))


def _delete_tags(client: Client, article: Article) -> None:
    data = {"action": "delete_selected", "_selected_action": [article.tags.get().pk], "post": "yes"}
    _posted(client.post("/admin/content/tag/", data))


def _delete_comment(client: Client, article: Article) -> None:
    _posted(client.post(f"/admin/content/comment/{article.comments.get().pk}/delete/", {"post": "yes"}))


def _delete_article(client: Client, article: Article) -> None:
    data = {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"}
    _posted(client.post("/admin/content/article/", data))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_edit_article, lambda item: item["title"] == "After" and item["tags"][0]["slug"] == "django"),
        (_hide_comment_inline, lambda item: item["commentCount"] == 0),
        (_delete_comment_inline, lambda item: item["commentCount"] == 0),
        (_hide_comment, lambda item: item["commentCount"] == 0),
        (_delete_comments, lambda item: item["commentCount"] == 0),
        (_delete_comment, lambda item: item["commentCount"] == 0),
        (_rename_tag, lambda item: item["tags"] == [{"slug": "python-3", "name": "Python 3"}]),
        (_delete_tag, lambda item: item["tags"] == []),
        (_delete_tags, lambda item: item["tags"] == []),
        (_delete_article, lambda item: item is None),
    ],
)
def test_an_admin_change_shows_in_the_cached_api_at_once(
    editor_client, article, change: Callable, expected: Callable, django_capture_on_commit_callbacks
):
    reader = Client()
    assert reader.get("/api/v1/articles/").json()["count"] == 1  # now in the shared cache
    assert reader.get("/api/v1/articles/the-one/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        change(editor_client, article)

    results = reader.get("/api/v1/articles/").json()["results"]
    detail = reader.get("/api/v1/articles/the-one/")
    assert expected(results[0] if results else None)
    assert expected(detail.json() if detail.status_code == 200 else None)


def test_an_editor_cannot_change_what_a_reader_wrote(editor_client, article):
    comment = article.comments.get()

    _posted(editor_client.post(f"/admin/content/comment/{comment.pk}/change/", {"state": "visible", "body": "Edited"}))

    assert Comment.objects.get(pk=comment.pk).body == comment.body  # body is read-only in the admin
