from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from apps.common.exceptions import ApplicationError
from apps.content import selectors, services
from apps.content.models import Article
from apps.content.services import workflow
from apps.content.tests.factories import ArticleFactory
from apps.uploads.tests.images import image_bytes

pytestmark = pytest.mark.django_db


def _jpeg(name: str = "cover.jpg", **kwargs: object) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/jpeg")


def test_publishing_a_draft_makes_it_live_now(editor):
    article = ArticleFactory(draft=True)

    workflow.article_publish(article=article, by=editor)

    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.is_live
    assert timezone.now() - article.publish_at < timedelta(seconds=5)


def test_publishing_a_scheduled_article_early_moves_its_time_to_now(editor):
    article = ArticleFactory(scheduled=True)

    workflow.article_publish(article=article, by=editor)

    assert article.publish_at <= timezone.now()


def test_publishing_again_keeps_the_original_publish_time(editor):
    original = timezone.now() - timedelta(days=3)
    article = ArticleFactory(publish_at=original)

    workflow.article_publish(article=article, by=editor)

    assert article.publish_at == original


def test_unpublishing_returns_the_article_to_draft(editor):
    article = ArticleFactory()

    workflow.article_unpublish(article=article, by=editor)

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert not article.is_live


def test_publish_due_flips_only_scheduled_articles_whose_time_has_come():
    due = ArticleFactory(status=Article.Status.SCHEDULED, publish_at=timezone.now() - timedelta(minutes=1))
    future = ArticleFactory(scheduled=True)
    draft = ArticleFactory(draft=True)

    assert workflow.articles_schedule_run() == (1, 0)
    assert workflow.articles_schedule_run() == (0, 0)

    due.refresh_from_db()
    future.refresh_from_db()
    draft.refresh_from_db()
    assert due.status == Article.Status.PUBLISHED
    assert future.status == Article.Status.SCHEDULED
    assert draft.status == Article.Status.DRAFT


def test_body_is_rendered_to_html_without_scripts_handlers_or_javascript_urls():
    body = (
        "# Title\n\nSome **bold** text and [a link](https://example.com).\n\n"
        '<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n'
        "[click](javascript:alert(3))\n"
    )

    article = ArticleFactory(body=body)

    html = article.body_html
    assert "<h1>Title</h1>" in html
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.com"' in html
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html


def test_body_html_follows_the_body_when_only_the_body_is_saved():
    article = ArticleFactory(body="old")
    article.body = "*new*"

    article.save(update_fields=["body"])

    article.refresh_from_db()
    assert article.body_html == "<p><em>new</em></p>"


def test_cover_is_stored_re_encoded_without_exif_under_a_generated_name(django_capture_on_commit_callbacks):
    article = ArticleFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.article_cover_set(article=article, image=_jpeg("my holiday.jpg", exif=True))

    article.refresh_from_db()
    assert article.cover_image.name.startswith("covers/")
    assert article.cover_image.name.endswith(".webp")
    assert "holiday" not in article.cover_image.name
    with default_storage.open(article.cover_image.name) as stored, Image.open(stored) as image:
        assert image.format == "WEBP"
        assert not image.getexif()
        assert image.size == (48, 64)  # EXIF orientation applied before it was dropped
    assert article.cover_thumbnail.name.startswith("covers/thumbnails/")
    with default_storage.open(article.cover_thumbnail.name) as stored, Image.open(stored) as thumbnail:
        assert thumbnail.size == (256, 256)


def test_replacing_the_cover_deletes_the_old_files(django_capture_on_commit_callbacks):
    article = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.article_cover_set(article=article, image=_jpeg())
    article.refresh_from_db()
    old_names = [article.cover_image.name, article.cover_thumbnail.name]

    with django_capture_on_commit_callbacks(execute=True):
        services.article_cover_set(article=article, image=_jpeg())

    assert not any(default_storage.exists(name) for name in old_names)
    assert default_storage.exists(article.cover_image.name)


def test_removing_the_cover_clears_it_and_deletes_the_files(django_capture_on_commit_callbacks):
    article = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.article_cover_set(article=article, image=_jpeg())
    name = article.cover_image.name

    with django_capture_on_commit_callbacks(execute=True):
        services.article_cover_set(article=article, image=None)

    article.refresh_from_db()
    assert not article.cover_image
    assert not default_storage.exists(name)


def test_a_cover_that_is_not_an_image_is_refused_and_nothing_is_stored():
    article = ArticleFactory()
    fake = SimpleUploadedFile("cover.jpg", b"<html>not an image</html>", content_type="image/jpeg")

    with pytest.raises(ApplicationError) as error:
        services.article_cover_set(article=article, image=fake)

    assert error.value.status_code == 415
    article.refresh_from_db()
    assert not article.cover_image
    assert not default_storage.exists("covers")


def test_cover_thumbnail_is_not_made_for_a_cover_replaced_meanwhile():
    article = ArticleFactory(cover_image="covers/current.webp")

    assert services.article_cover_thumbnail_make(article_id=article.pk, cover_name="covers/older.webp") is False


def test_cover_thumbnail_is_made_once(django_capture_on_commit_callbacks):
    article = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.article_cover_set(article=article, image=_jpeg())
    article.refresh_from_db()

    assert services.article_cover_thumbnail_make(article_id=article.pk, cover_name=article.cover_image.name) is False


def test_saving_an_article_makes_its_new_text_searchable():
    article = ArticleFactory(title="About sailboats")
    article.title = "About gardening"
    services.article_save(article=article)

    assert list(selectors.article_list(filters={"search": "gardening"})) == [article]
    assert list(selectors.article_list(filters={"search": "sailboats"})) == []
