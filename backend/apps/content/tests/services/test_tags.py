"""Tags as readers see them follow every change made through the services."""

import pytest
from django.core.exceptions import ValidationError

from apps.accounts.tests.factories import UserFactory
from apps.content import selectors, services
from apps.content.models import Article, Tag
from apps.content.tests.factories import ArticleFactory, TagFactory

pytestmark = pytest.mark.django_db


def _listed(article: Article) -> list[dict[str, str]]:
    read = selectors.article_get_for_reader(slug=article.slug, user=UserFactory.build())
    return [{"slug": tag.slug, "name": tag.name} for tag in read.tags.all()]


def test_setting_an_articles_tags_lists_them_by_name():
    python, django = TagFactory(name="Python", slug="python"), TagFactory(name="Django", slug="django")
    article = ArticleFactory()

    services.article_tags_set(article=article, tags=[python, django])
    assert _listed(article) == [{"slug": "django", "name": "Django"}, {"slug": "python", "name": "Python"}]
    services.article_tags_set(article=article, tags=[])
    assert _listed(article) == []


def test_a_new_tag_is_validated():
    services.tag_save(tag=Tag(name="Python", slug="python"))

    with pytest.raises(ValidationError, match="already exists"):
        services.tag_save(tag=Tag(name="Python", slug="python-2"))


def test_renaming_or_deleting_a_tag_shows_on_every_article_that_has_it():
    python, django = TagFactory(name="Python", slug="python"), TagFactory(name="Django", slug="django")
    articles = ArticleFactory.create_batch(2, tags=[python, django])

    python.name, python.slug = "Python 3", "python-3"
    services.tag_save(tag=python)
    services.tag_delete(tag=django)

    assert all(_listed(article) == [{"slug": "python-3", "name": "Python 3"}] for article in articles)
    assert Article.objects.count() == 2
