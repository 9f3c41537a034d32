"""``Article.tag_list``, the copy of an article's tags the list page reads, follows every change."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from apps.common.tests.concurrency import commit_two_at_once
from apps.content import services
from apps.content.models import Article
from apps.content.tests.factories import ArticleFactory, TagFactory

pytestmark = pytest.mark.django_db


def _listed(article: Article) -> list[dict[str, str]]:
    return Article.objects.values_list("tag_list", flat=True).get(pk=article.pk)


def _actual(article: Article) -> list[dict[str, str]]:
    return [{"slug": tag.slug, "name": tag.name} for tag in article.tags.order_by("name")]


@pytest.fixture
def python():
    return TagFactory(name="Python", slug="python")


@pytest.fixture
def django():
    return TagFactory(name="Django", slug="django")


def test_adding_removing_setting_and_clearing_an_articles_tags(python, django):
    article = ArticleFactory()

    article.tags.add(python, django)
    assert _listed(article) == [{"slug": "django", "name": "Django"}, {"slug": "python", "name": "Python"}]
    article.tags.remove(django)
    assert _listed(article) == [{"slug": "python", "name": "Python"}]
    article.tags.set([django])
    assert _listed(article) == [{"slug": "django", "name": "Django"}]
    article.tags.clear()
    assert _listed(article) == []


def test_changes_from_the_tags_side(python):
    first, second, untouched = ArticleFactory.create_batch(3)
    untouched.tags.add(TagFactory())
    before = _listed(untouched)

    python.articles.add(first, second)
    assert _listed(first) == _listed(second) == [{"slug": "python", "name": "Python"}]
    python.articles.remove(first)
    assert _listed(first) == []
    python.articles.clear()
    assert _listed(second) == []
    assert _listed(untouched) == before


def test_renaming_or_deleting_a_tag_rewrites_every_article_that_has_it(python, django):
    articles = ArticleFactory.create_batch(3, tags=[python, django])

    python.name, python.slug = "Python 3", "python-3"
    python.save()
    assert all(_listed(article) == _actual(article) for article in articles)
    assert _listed(articles[0])[1] == {"slug": "python-3", "name": "Python 3"}

    django.delete()
    assert all(_listed(article) == [{"slug": "python-3", "name": "Python 3"}] for article in articles)


def test_saving_a_tag_without_its_name_or_slug_rewrites_nothing(python, django_assert_num_queries):
    ArticleFactory(tags=[python])

    with django_assert_num_queries(1):
        python.save(update_fields=["updated_at"])


def test_the_refresh_covers_more_articles_than_one_batch(python, monkeypatch):
    monkeypatch.setattr(services, "_TAG_LIST_BATCH", 3)
    articles = ArticleFactory.create_batch(7)
    # bulk_create sends no m2m signal: every list is stale until the refresh.
    Article.tags.through.objects.bulk_create([Article.tags.through(article=a, tag=python) for a in articles])

    services.article_tag_list_refresh(article_ids=[a.pk for a in reversed(articles)])

    assert all(_listed(a) == [{"slug": "python", "name": "Python"}] for a in articles)


def test_the_migration_copies_existing_tags(python, django):
    migration = importlib.import_module("apps.content.migrations.0005_article_tag_list")
    tagged, untagged = ArticleFactory(tags=[python, django]), ArticleFactory()
    Article.objects.update(tag_list=[])

    migration.copy_tags_onto_articles(apps, SimpleNamespace(connection=connection))

    assert _listed(tagged) == _actual(tagged)
    assert _listed(untagged) == []


@pytest.mark.django_db(transaction=True)
def test_two_editors_tagging_one_article_at_once_both_get_listed():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (DATABASE_URL, set in CI)")
    article = ArticleFactory()
    first_tag, second_tag = TagFactory(), TagFactory()

    commit_two_at_once(
        lambda: Article.objects.get(pk=article.pk).tags.add(first_tag),
        lambda: Article.objects.get(pk=article.pk).tags.add(second_tag),
    )

    assert _listed(article) == _actual(article)
    assert len(_listed(article)) == 2
