"""Search and sharing in the article form (admin/seo.py), and the lists' filters."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.content.models import Article, ArticleRedirect
from apps.content.tests.factories import ArticleFactory, CommentFactory, TagFactory
from apps.uploads.tests.images import image_bytes

pytestmark = pytest.mark.django_db


def _change_data(article: Article, **fields: object) -> dict:
    return {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "author": article.author_id,
        "publish_at_0": article.publish_at.strftime("%Y-%m-%d"),
        "publish_at_1": article.publish_at.strftime("%H:%M:%S"),
        "edit_version": article.version,
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        **fields,
    }


def _change(client, article: Article, **fields: object):
    response = client.post(f"/admin/content/article/{article.pk}/change/", _change_data(article, **fields))
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    article.refresh_from_db()
    return article


def test_the_form_has_counters_and_a_preview_of_the_saved_state(editor_client, editor):
    article = ArticleFactory(author=editor, title="Plain title", summary="Plain summary", meta_title="Sharp title")

    html = editor_client.get(f"/admin/content/article/{article.pk}/change/").content.decode()

    assert 'data-seo-hint="60"' in html
    assert 'data-seo-hint="160"' in html
    assert "of about %(hint)s characters" in html  # the counter's words, for seo.js
    assert "content/seo.js" in html
    assert "Sharp title" in html  # the meta title wins in the preview...
    assert "Plain summary" in html  # ...and the summary stands in for an empty description
    assert f"/articles/{article.slug}" in html
    assert "None: shared links show the cover." in html


def test_the_meta_fields_and_the_social_image_are_saved(editor_client, editor):
    article = ArticleFactory(author=editor)
    image = SimpleUploadedFile("card.jpg", image_bytes(), content_type="image/jpeg")

    article = _change(
        editor_client,
        article,
        meta_title="For search",
        meta_description="A description for search results.",
        new_social_image=image,
    )

    assert (article.meta_title, article.meta_description) == ("For search", "A description for search results.")
    assert article.social_image.name.startswith("social/")

    article = _change(editor_client, article, remove_social_image="on")
    assert not article.social_image


def test_past_the_hint_is_allowed_but_past_the_limit_is_refused(editor_client, editor):
    article = ArticleFactory(author=editor)

    assert _change(editor_client, article, meta_title="x" * 80).meta_title == "x" * 80  # warned, not refused
    response = editor_client.post(
        f"/admin/content/article/{article.pk}/change/", _change_data(article, meta_title="x" * 101)
    )

    assert response.status_code == 200
    assert "meta_title" in response.context["adminform"].form.errors


def test_a_social_image_that_is_not_an_image_is_refused(editor_client, editor):
    article = ArticleFactory(author=editor)
    fake = SimpleUploadedFile("card.jpg", b"not an image", content_type="image/jpeg")

    response = editor_client.post(
        f"/admin/content/article/{article.pk}/change/", _change_data(article, new_social_image=fake)
    )

    assert response.status_code == 200
    assert "new_social_image" in response.context["adminform"].form.errors


def test_changing_a_published_slug_in_the_admin_keeps_the_old_one(editor_client, editor):
    article = ArticleFactory(author=editor, slug="first-name")

    _change(editor_client, article, slug="second-name")

    assert ArticleRedirect.objects.get().old_slug == "first-name"


def test_every_content_list_has_its_search_and_filters(editor_client, moderator_client):
    ArticleFactory(tags=[TagFactory(name="Python")])
    CommentFactory()

    articles = editor_client.get("/admin/content/article/").content.decode()
    tags = editor_client.get("/admin/content/tag/").content.decode()
    comments = moderator_client.get("/admin/content/comment/").content.decode()

    for html in (articles, tags, comments):
        assert 'name="q"' in html  # the search box
    # The autocomplete filters: tags and authors of articles, the article and author of comments.
    assert 'data-field-name="tags"' in articles
    assert 'data-field-name="author"' in articles
    assert 'data-field-name="article"' in comments
    assert 'data-field-name="author"' in comments
    assert "Python" in tags
    assert "Articles" in tags
