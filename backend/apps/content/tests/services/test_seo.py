"""Old addresses (services/seo.py): a once-published article's slug change keeps a redirect."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.content import history_selectors, history_services, revalidation, services, tasks
from apps.content.models import ArticleRedirect
from apps.content.services import workflow
from apps.content.tests.factories import ArticleFactory
from apps.uploads.tests.images import image_bytes

pytestmark = pytest.mark.django_db


def _rename(article, slug):
    article.slug = slug
    return services.article_save(article=article)


def _redirects() -> dict[str, str]:
    return dict(ArticleRedirect.objects.values_list("old_slug", "article__slug"))


def test_a_published_articles_slug_change_keeps_the_old_slug():
    article = _rename(ArticleFactory(slug="first"), "second")

    assert _redirects() == {"first": "second"}
    assert ArticleRedirect.objects.get().article == article


def test_chains_collapse_every_old_slug_leads_to_the_current_one():
    article = _rename(_rename(ArticleFactory(slug="a"), "b"), "c")

    assert _redirects() == {"a": "c", "b": "c"}
    assert sorted(article.redirects.values_list("old_slug", flat=True)) == ["a", "b"]


def test_an_unpublished_article_that_was_live_keeps_its_old_slug_too(editor):
    article = workflow.article_unpublish(article=ArticleFactory(slug="was-live"), by=editor)

    _rename(article, "now-draft")

    assert _redirects() == {"was-live": "now-draft"}


def test_a_draft_that_was_never_published_keeps_no_old_slug():
    _rename(ArticleFactory(draft=True, slug="draft-one"), "draft-two")
    scheduled = ArticleFactory(scheduled=True, slug="soon")
    _rename(scheduled, "later")

    assert _redirects() == {}


def test_going_back_to_an_old_slug_ends_its_redirect_and_keeps_the_other():
    article = _rename(ArticleFactory(slug="a"), "b")

    _rename(article, "a")

    assert _redirects() == {"b": "a"}


def test_a_new_article_taking_an_old_slug_removes_the_redirect():
    _rename(ArticleFactory(slug="taken"), "moved")

    newcomer = ArticleFactory(slug="taken", draft=True)

    assert _redirects() == {}
    assert newcomer.slug == "taken"


def test_deleting_the_article_deletes_its_old_addresses():
    article = _rename(ArticleFactory(slug="gone-old"), "gone-new")

    services.article_delete(article=article)

    assert _redirects() == {}


def test_reverting_to_a_version_with_the_old_slug_is_a_slug_change(editor):
    article = ArticleFactory(slug="original", title="Original")
    first = history_selectors.versions_list(instance=article).first()
    article.title = "Renamed"
    _rename(article, "renamed")

    history_services.article_revert(article=article, version=first, actor=editor)

    article.refresh_from_db()
    assert (article.slug, article.title) == ("original", "Original")
    assert _redirects() == {"renamed": "original"}


def test_was_published_reads_the_publish_time():
    assert services.seo.article_was_published(ArticleFactory())
    assert not services.seo.article_was_published(ArticleFactory(draft=True))
    future = ArticleFactory(scheduled=True)
    future.publish_at = timezone.now() + timedelta(minutes=1)
    assert not services.seo.article_was_published(future)


class TestRevalidation:
    @pytest.fixture
    def sent(self, monkeypatch, settings) -> list[list[str]]:
        settings.REVALIDATE_SECRET = "s" * 32
        calls: list[list[str]] = []

        def record(task, tags):
            assert task is tasks.revalidate_site
            calls.append(tags)

        monkeypatch.setattr(revalidation, "enqueue_on_commit", record)
        return calls

    def test_a_slug_change_revalidates_old_new_every_old_address_and_the_lists(self, sent):
        article = _rename(ArticleFactory(slug="a"), "b")
        sent.clear()

        _rename(article, "c")

        # a: its cached answer led to b; b: the page that was there; c: the new page.
        assert sent == [["article:a", "article:b", "article:c", "articles"]]

    def test_an_article_taking_an_old_slug_revalidates_that_address(self, sent):
        _rename(ArticleFactory(slug="taken"), "moved")
        sent.clear()

        ArticleFactory(slug="taken", draft=True)

        assert sent == [["article:taken", "articles"]]

    def test_deleting_revalidates_the_old_addresses(self, sent):
        article = _rename(ArticleFactory(slug="old"), "new")
        sent.clear()

        services.article_delete(article=article)

        assert sent == [["article:new", "article:old", "articles"]]


def test_the_social_image_is_stored_re_encoded_and_a_replaced_one_deleted(django_capture_on_commit_callbacks):
    article = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.seo.article_social_image_set(
            article=article, image=SimpleUploadedFile("card.jpg", image_bytes(), content_type="image/jpeg")
        )
    first = article.social_image.name
    assert first.startswith("social/")
    assert first.endswith(".webp")

    with django_capture_on_commit_callbacks(execute=True):
        services.seo.article_social_image_set(article=article, image=None)

    article.refresh_from_db()
    assert not article.social_image
    assert not default_storage.exists(first)
