import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from apps.accounts.tests.factories import UserFactory
from apps.content.models import Article, Comment
from apps.content.tests.factories import ArticleFactory, CommentFactory, TagFactory
from apps.uploads.tests.images import image_bytes, png_header

pytestmark = pytest.mark.django_db


def test_editors_group_may_manage_content_only():
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("content_type__app_label", flat=True))

    assert codenames == {"content"}


def test_editor_sees_the_article_list_with_status_and_cover_but_not_users(editor_client):
    ArticleFactory(title="Hello editors", cover_image="covers/a.webp", cover_thumbnail="covers/thumbnails/a.webp")

    response = editor_client.get("/admin/content/article/")

    assert response.status_code == 200
    assert b"Hello editors" in response.content
    assert b"covers/thumbnails/a.webp" in response.content
    assert editor_client.get("/admin/accounts/user/").status_code == 403


def test_editor_creates_an_article_with_a_validated_cover(editor_client, editor, django_capture_on_commit_callbacks):
    tag = TagFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/admin/content/article/add/",
            {
                "title": "New one",
                "slug": "new-one",
                "summary": "",
                "body": "Text",
                "tags": [tag.pk],
                "author": editor.pk,
                "status": "draft",
                "new_cover": SimpleUploadedFile("c.png", image_bytes(image_format="PNG"), content_type="image/png"),
                "comments-TOTAL_FORMS": "0",
                "comments-INITIAL_FORMS": "0",
            },
        )

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="new-one")
    assert article.cover_image.name.endswith(".webp")
    assert article.cover_thumbnail


def test_a_cover_that_is_not_an_image_is_a_form_error(editor_client, editor):
    response = editor_client.post(
        "/admin/content/article/add/",
        {
            "title": "Bad cover",
            "slug": "bad-cover",
            "body": "Text",
            "author": editor.pk,
            "status": "draft",
            "new_cover": SimpleUploadedFile("c.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg"),
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "new_cover" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_a_cover_declaring_too_many_pixels_is_a_form_error(editor_client, editor):
    bomb = png_header(width=20_000, height=20_000)  # above Pillow's own hard limit

    response = editor_client.post(
        "/admin/content/article/add/",
        {
            "title": "Bomb cover",
            "slug": "bomb-cover",
            "body": "Text",
            "author": editor.pk,
            "status": "draft",
            "new_cover": SimpleUploadedFile("c.png", bomb, content_type="image/png"),
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.as_data()["new_cover"]
    assert [error.code for error in errors] == ["payload_too_large"]
    assert "pixels" in errors[0].message
    assert not Article.objects.exists()


def test_bulk_publish_and_unpublish_actions(editor_client):
    drafts = ArticleFactory.create_batch(2, draft=True)
    ids = [str(article.pk) for article in drafts]

    editor_client.post("/admin/content/article/", {"action": "publish", "_selected_action": ids})
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.PUBLISHED}

    editor_client.post("/admin/content/article/", {"action": "unpublish", "_selected_action": ids})
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.DRAFT}


def test_preview_shows_a_draft_rendered(editor_client):
    article = ArticleFactory(draft=True, body="**Secret** plan")

    response = editor_client.get(f"/admin/content/article/{article.pk}/preview/")

    assert response.status_code == 200
    assert b"<strong>Secret</strong>" in response.content


def test_preview_needs_view_permission():
    client = Client()
    client.force_login(UserFactory(is_staff=True))

    assert client.get(f"/admin/content/article/{ArticleFactory().pk}/preview/").status_code == 403


def test_comment_moderation_actions(editor_client):
    comment = CommentFactory(body="x" * 100)
    url = "/admin/content/comment/"
    assert editor_client.get(url).status_code == 200

    editor_client.post(url, {"action": "hide", "_selected_action": [comment.pk]})
    assert Comment.objects.get().state == Comment.State.HIDDEN

    editor_client.post(url, {"action": "approve", "_selected_action": [comment.pk]})
    assert Comment.objects.get().state == Comment.State.VISIBLE


def test_article_change_page_lists_its_comments_inline(editor_client):
    comment = CommentFactory(body="Inline me")

    response = editor_client.get(f"/admin/content/article/{comment.article.pk}/change/")

    assert response.status_code == 200
    assert b"Inline me" in response.content


def test_editor_removes_a_cover(editor_client, editor, django_capture_on_commit_callbacks):
    article = ArticleFactory(author=editor, cover_image="covers/old.webp")

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            f"/admin/content/article/{article.pk}/change/",
            {
                "title": article.title,
                "slug": article.slug,
                "summary": "",
                "body": article.body,
                "author": editor.pk,
                "status": "published",
                "publish_at_0": article.publish_at.strftime("%Y-%m-%d"),
                "publish_at_1": article.publish_at.strftime("%H:%M:%S"),
                "edit_version": article.version,
                "remove_cover": "on",
                "comments-TOTAL_FORMS": "0",
                "comments-INITIAL_FORMS": "0",
            },
        )

    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert not article.cover_image


# --- Editors never see readers' email addresses (docs/content.md, "What editors see of users") ---
