"""What editors see of users in the admin: public names, never email addresses (docs/content.md)."""

import pytest
from django.test import Client

from apps.accounts.tests.factories import UserFactory
from apps.content.models import Article, Tag
from apps.content.tests.factories import ArticleFactory, CommentFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return UserFactory(email="rita.reader@example.com", first_name="Rita", last_name="Reader")


@pytest.fixture
def colleague():
    return UserFactory(email="carl.colleague@example.com", first_name="Carl", last_name="Colleague", is_staff=True)


def _article_post_data(article: Article, author_pk: int) -> dict:
    return {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "author": author_pk,
        "status": "published",
        "publish_at_0": article.publish_at.strftime("%Y-%m-%d"),
        "publish_at_1": article.publish_at.strftime("%H:%M:%S"),
        "edit_version": article.version,
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
    }


def _autocomplete(client, model: str, field: str, term: str = "") -> list[dict]:
    response = client.get(
        "/admin/autocomplete/", {"app_label": "content", "model_name": model, "field_name": field, "term": term}
    )
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_article_add_page_offers_staff_and_bylined_authors_by_name_and_no_reader(
    editor_client, editor, colleague, reader
):
    bylined = CommentFactory(author=reader).article.author  # a non-staff account with an article

    response = editor_client.get("/admin/content/article/add/")

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert set(form.fields["author"].queryset) == {editor, colleague, bylined}
    assert form.initial["author"] == editor.pk
    html = response.content.decode()
    # An autocomplete: the chosen author is in the page, the others come from the search.
    assert f'<option value="{editor.pk}" selected>{editor.public_name}</option>' in html
    assert "rita.reader@example.com" not in html
    assert "carl.colleague@example.com" not in html
    results = _autocomplete(editor_client, "article", "author")
    assert {item["text"] for item in results} == {editor.public_name, "Carl Colleague", bylined.public_name}
    assert all("@" not in item["text"] for item in results)  # labels are public names, never emails


def test_the_author_autocomplete_searches_names_not_emails(editor_client, colleague):
    assert [item["text"] for item in _autocomplete(editor_client, "article", "author", "colleague")] == [
        "Carl Colleague"
    ]
    assert _autocomplete(editor_client, "article", "author", "carl.colleague@example.com") == []


def test_an_author_finds_only_themselves(author_client, author, colleague):
    assert _autocomplete(author_client, "article", "author") == [{"id": str(author.pk), "text": author.public_name}]


def test_a_reader_cannot_use_the_autocomplete(reader):
    client = Client()
    client.force_login(reader)

    response = client.get(
        "/admin/autocomplete/", {"app_label": "content", "model_name": "article", "field_name": "author"}
    )

    assert response.status_code == 302  # to the admin login: not staff


def test_the_commenter_filter_offers_the_people_who_commented(moderator_client, reader, colleague):
    CommentFactory(author=reader)

    assert [item["text"] for item in _autocomplete(moderator_client, "comment", "author")] == ["Rita Reader"]


def test_a_reader_cannot_be_posted_as_author(editor_client, reader):
    response = editor_client.post(
        "/admin/content/article/add/",
        {
            "title": "Sneaky",
            "slug": "sneaky",
            "body": "Text",
            "author": reader.pk,
            "status": "draft",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "author" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_article_by_a_non_staff_author_offers_that_author_by_name_and_still_saves(editor_client, editor, reader):
    other_reader = UserFactory(email="other.reader@example.com")
    article = ArticleFactory(author=reader)

    response = editor_client.get(f"/admin/content/article/{article.pk}/change/")

    assert response.status_code == 200
    assert set(response.context["adminform"].form.fields["author"].queryset) == {editor, reader}
    html = response.content.decode()
    assert f'<option value="{reader.pk}" selected>Rita Reader</option>' in html
    assert "rita.reader@example.com" not in html
    assert "other.reader@example.com" not in html

    data = {**_article_post_data(article, reader.pk), "title": "Retitled"}
    response = editor_client.post(f"/admin/content/article/{article.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert (article.title, article.author) == ("Retitled", reader)
    # The exception is for that article only: another reader is still not a valid choice.
    response = editor_client.post(
        f"/admin/content/article/{article.pk}/change/", _article_post_data(article, other_reader.pk)
    )
    assert response.status_code == 200
    assert "author" in response.context["adminform"].form.errors


def test_article_list_and_author_filter_show_names_not_emails(editor_client, reader, colleague):
    ArticleFactory(author=reader, title="By a reader")
    ArticleFactory(author=colleague, title="By a colleague")

    response = editor_client.get("/admin/content/article/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "By a reader" in html
    assert "Rita Reader" in html
    assert "Carl Colleague" in html
    assert "rita.reader@example.com" not in html
    assert "carl.colleague@example.com" not in html

    filtered = editor_client.get(f"/admin/content/article/?author__id__exact={reader.pk}")
    assert [article.title for article in filtered.context["cl"].result_list] == ["By a reader"]
    # The chosen author shows in the filter by name.
    assert f'<option value="{reader.pk}" selected>Rita Reader</option>' in filtered.content.decode()
    assert "rita.reader@example.com" not in filtered.content.decode()


def test_comment_admin_pages_show_the_commenters_name_not_their_email(editor_client, reader):
    comment = CommentFactory(author=reader, body="Nice article")

    pages = {
        "comment list": "/admin/content/comment/",
        "comment change": f"/admin/content/comment/{comment.pk}/change/",
        "article change (inline)": f"/admin/content/article/{comment.article.pk}/change/",
    }
    for page, url in pages.items():
        response = editor_client.get(url)
        assert response.status_code == 200, page
        html = response.content.decode()
        assert "Nice article" in html, page
        assert "Rita Reader" in html, page
        assert "rita.reader@example.com" not in html, page


def test_comment_search_matches_the_authors_name_not_their_email(editor_client, reader):
    CommentFactory(author=reader, body="Nice article")

    def found(query: str) -> int:
        return editor_client.get("/admin/content/comment/", {"q": query}).context["cl"].result_count

    assert found("Reader") == 1
    assert found("rita.reader@example.com") == 0


def test_a_moderator_can_filter_articles_by_tag_without_the_tag_admin(moderator_client):
    TagFactory(name="Python", slug="python")
    TagFactory(name="Django", slug="django")

    assert _autocomplete(moderator_client, "article", "tags", "pyth") == [
        {"id": str(Tag.objects.get(slug="python").pk), "text": "Python"}
    ]
