"""Nothing is lost in the admin: the edit conflict, the autosave script, versions, diffs and revert."""

import pytest
from django.test import Client

from apps.accounts.tests.factories import UserFactory
from apps.content import services
from apps.content.models import Article, Tag
from apps.content.tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def _form(article: Article, version: int, **fields: str) -> dict:
    return {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "author": article.author_id,
        "status": "draft",
        "edit_version": version,
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        **fields,
    }


@pytest.fixture
def article(editor) -> Article:
    return services.article_save(
        article=Article(title="Start", slug="start", body="one\ntwo", author=editor), actor=editor
    )


def test_the_second_save_is_refused_with_the_diff_and_keeps_the_own_text(article, editor_client, editor):
    url = f"/admin/content/article/{article.pk}/change/"
    first = _form(article, 1, title="First editor's title")
    assert editor_client.post(url, first).status_code == 302

    response = editor_client.post(url, _form(article, 1, body="one\nmy own words"))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.non_field_errors().as_data()[0].code == "edit_conflict"
    page = response.content.decode()
    assert "Someone else saved this article" in page
    assert "First editor&#x27;s title" in page  # their change, in the diff
    assert "my own words" in page  # the own text, still in the form
    assert 'name="edit_version" value="2"' in page  # a deliberate second save goes through
    assert Article.objects.get(pk=article.pk).title == "First editor's title"

    again = editor_client.post(url, _form(article, 2, title="First editor's title", body="one\nmy own words"))
    assert again.status_code == 302
    assert Article.objects.get(pk=article.pk).body == "one\nmy own words"


def test_the_form_carries_its_version_and_the_autosave_script(article, editor_client):
    for url in (f"/admin/content/article/{article.pk}/change/", "/admin/content/article/add/"):
        page = editor_client.get(url).content.decode()
        assert "content/autosave.js" in page
        assert 'name="edit_version"' in page
        assert "data-autosave-found=" in page
    assert (
        'name="edit_version" value="1"'
        in editor_client.get(f"/admin/content/article/{article.pk}/change/").content.decode()
    )


def test_admin_saves_record_the_editor(article, editor_client, editor):
    editor_client.post(f"/admin/content/article/{article.pk}/change/", _form(article, 1, title="Edited"))

    assert article.history.latest("history_id").history_user == editor


def test_history_page_lists_who_changed_what(article, editor_client, editor):
    other = UserFactory(is_staff=True, first_name="Olga", last_name="Other")
    article.title = "Retitled"
    services.article_save(article=article, actor=other)

    page = editor_client.get(f"/admin/content/article/{article.pk}/history/").content.decode()

    assert "Olga Other" in page
    assert editor.public_name in page
    assert "version 2" in page
    assert other.email not in page  # editors see names, never addresses


def test_compare_shows_the_field_diff_of_two_versions(article, editor_client):
    article.body = "one\nTWO"
    services.article_save(article=article)
    new, old = article.history.order_by("-history_id")

    response = editor_client.get(
        f"/admin/content/article/{article.pk}/history/compare/", {"from": new.history_id, "to": old.history_id}
    )

    lines = response.context["changes"][0].lines
    assert [line for line in lines if line[0] in "+-"] == [("-", "two"), ("+", "TWO")]  # ordered old to new
    assert 'class="history-line history-line-added">+ TWO' in response.content.decode()


def test_compare_without_versions_goes_back_to_the_history(article, editor_client):
    response = editor_client.get(f"/admin/content/article/{article.pk}/history/compare/", {"from": "x"})

    assert response.status_code == 302
    assert response.url.endswith(f"/{article.pk}/history/")


def test_revert_asks_first_then_saves_a_new_version(article, editor_client, editor):
    article.title = "Second"
    services.article_save(article=article)
    first = article.history.get(version=1)
    url = f"/admin/content/article/{article.pk}/history/{first.history_id}/revert/"

    assert "Second" in editor_client.get(url).content.decode()
    assert Article.objects.get(pk=article.pk).title == "Second"

    response = editor_client.post(url)

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.version) == ("Start", 3)
    assert article.history.latest("history_id").history_user == editor


def test_revert_to_a_slug_taken_since_is_refused_with_a_message(article, editor_client):
    article.slug = "renamed"
    services.article_save(article=article)
    ArticleFactory(slug="start")
    url = f"/admin/content/article/{article.pk}/history/{article.history.get(version=1).history_id}/revert/"

    response = editor_client.post(url, follow=True)

    assert Article.objects.get(pk=article.pk).slug == "renamed"
    assert [str(m) for m in response.context["messages"]] == ["Article with this Slug already exists."]


def test_tag_history_and_revert(editor_client):
    tag = services.tag_save(tag=Tag(name="Pyhton", slug="python"))
    tag.name = "Python"
    services.tag_save(tag=tag)
    oldest = tag.history.earliest("history_id")

    page = editor_client.get(f"/admin/content/tag/{tag.pk}/history/").content.decode()
    assert "Revert to this" in page
    editor_client.post(f"/admin/content/tag/{tag.pk}/history/{oldest.history_id}/revert/")

    assert Tag.objects.get(pk=tag.pk).name == "Pyhton"


def test_comment_history_is_shown_but_not_revertible(editor_client):
    comment = CommentFactory()
    version = comment.history.get()

    page = editor_client.get(f"/admin/content/comment/{comment.pk}/history/").content.decode()
    revert = editor_client.post(f"/admin/content/comment/{comment.pk}/history/{version.history_id}/revert/")

    assert "created" in page
    assert "Revert to this" not in page
    assert revert.status_code == 403


def test_history_needs_permission_to_see_the_object(article):
    client = Client()
    client.force_login(UserFactory(is_staff=True))  # staff without content permissions

    assert client.get(f"/admin/content/article/{article.pk}/history/").status_code == 403
