from datetime import timedelta

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from apps.accounts.models import User
from apps.accounts.tests.factories import UserFactory
from apps.content import services
from apps.content.models import Article, Comment, Tag


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article by default; ``ArticleFactory(draft=True)`` or ``(scheduled=True)`` for the others."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, publish_at=None)
        scheduled = factory.Trait(
            status=Article.Status.SCHEDULED, publish_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
        )

    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = factory.Faker("sentence")
    body = factory.Faker("paragraph")
    author = factory.SubFactory(UserFactory)
    status = Article.Status.PUBLISHED
    publish_at = factory.Sequence(lambda n: timezone.now() - timedelta(hours=n + 1))

    @classmethod
    def _create(cls, model_class: type[Article], *args: object, **kwargs: object) -> Article:
        """Saved through the service, as the admin saves: the search document is written and the
        cached content (responses, list totals) is retired."""
        return services.article_save(article=model_class(*args, **kwargs))

    @factory.post_generation
    def tags(self, create: bool, extracted: list[Tag] | None, **kwargs: object) -> None:
        if create and extracted:
            services.article_tags_set(article=self, tags=extracted)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Faker("sentence")


def role_user(role: str, **kwargs: object) -> User:
    """A staff account in one of the newsroom's groups: "Authors", "Editors" or "Moderators"."""
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=role))
    return user
