import pytest
from django.utils import timezone
from djangorestframework_camel_case.util import camelize

from apps.accounts.tests.factories import UserFactory
from apps.content import selectors
from apps.content.models import Article, Comment
from apps.content.serializers import (
    ArticleDetailSerializer,
    ArticleListSerializer,
    article_detail_item,
    article_list_items,
)
from apps.content.tests.factories import ArticleFactory, CommentFactory, TagFactory

pytestmark = pytest.mark.django_db


def _article(slug: str) -> Article:
    """As the serializer would get it: a model instance, read fresh."""
    return Article.objects.select_related("author").get(slug=slug)


def test_list_items_are_exactly_what_the_list_serializer_says():
    """The list's fast path and the documented serializer must never drift apart."""
    python, django = TagFactory(name="Python", slug="python"), TagFactory(name="Django", slug="django")
    with_everything = ArticleFactory(
        tags=[python, django],
        author=UserFactory(first_name="Ada", last_name="Lovelace"),
        cover_image="covers/a.webp",
        cover_thumbnail="covers/thumbnails/a.webp",
    )
    CommentFactory.create_batch(2, article=with_everything)
    CommentFactory(article=with_everything, state=Comment.State.HIDDEN)
    ArticleFactory(author=UserFactory(first_name="", last_name=""), cover_image="covers/b.webp")
    orphan = ArticleFactory(tags=[python])
    orphan.author.delete()

    rows = list(selectors.article_list())
    items = article_list_items(rows)

    articles = [_article(row["slug"]) for row in rows]
    assert items == camelize(ArticleListSerializer(articles, many=True).data)
    assert [item["author"] for item in items][2] is None
    assert items[0]["tags"] == [{"slug": "django", "name": "Django"}, {"slug": "python", "name": "Python"}]
    assert items[0]["commentCount"] == 2
    assert items[0]["coverImage"]["thumbnailUrl"].endswith("covers/thumbnails/a.webp")
    assert items[1]["author"]["name"].startswith("User ")
    assert items[1]["coverImage"]["thumbnailUrl"] is None


def test_an_article_without_tags_has_an_empty_tag_list():
    ArticleFactory()

    assert article_list_items(list(selectors.article_list()))[0]["tags"] == []


def test_list_items_give_times_in_the_active_time_zone_as_the_serializer_does():
    ArticleFactory()
    rows = list(selectors.article_list())
    article = _article(rows[0]["slug"])

    with timezone.override("Asia/Kolkata"):
        items = article_list_items(rows)
        expected = camelize(ArticleListSerializer([article], many=True).data)

    assert items == expected
    assert items[0]["publishedAt"].endswith("+05:30")
    assert article_list_items(rows)[0]["publishedAt"].endswith("Z")


@pytest.mark.parametrize("zone", ["UTC", "Asia/Kolkata"])
def test_the_detail_item_is_exactly_what_the_detail_serializer_says(zone):
    article = ArticleFactory(
        tags=[TagFactory(name="Python", slug="python")],
        author=UserFactory(first_name="Ada", last_name="Lovelace"),
        cover_image="covers/a.webp",
        body="# Title\n\nSome *text*.",
    )
    CommentFactory(article=article)
    row = selectors.article_detail_for_reader(slug=article.slug, user=UserFactory.build())

    with timezone.override(zone):
        item = article_detail_item(row)
        expected = camelize(ArticleDetailSerializer(_article(article.slug)).data)

    assert item == expected
    assert item["bodyHtml"].startswith("<h1>")
    assert list(item) == list(expected)
