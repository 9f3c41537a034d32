"""What search engines and social networks see of an article: its social image, and its old
addresses (docs/editors.md#seo-and-addresses).

A once-published article whose slug changes keeps the old slug as an ``ArticleRedirect`` to the
article, so links and search results that readers already have lead to its current address.
``article_save`` (services/__init__.py) calls ``article_redirects_update`` on every save, reverts
included: going back to an old slug is a slug change like any other.
"""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from apps.content.caching import content_changed
from apps.content.models import Article, ArticleRedirect
from apps.content.revalidation import site_articles_changed
from apps.uploads.images import image_reencode
from apps.uploads.services import storage_delete_on_commit


def article_was_published(article: Article) -> bool:
    """Readers could have seen it (and linked to it): its publish time has come. Unpublishing
    and archiving keep that time, so an article taken off the site still counts."""
    return article.publish_at is not None and article.publish_at <= timezone.now()


def article_redirects_update(*, before: Article | None, article: Article) -> set[str]:
    """After ``article`` was saved (``before``: its row until then, None for a new one).

    - Its slug is nobody's old address any more: an article taking an old slug ends that
      redirect (the slug now shows this article), whoever it pointed to.
    - A once-published article's slug change keeps the old slug as a redirect to it.

    Returns the old addresses whose answer changed, for the caller to revalidate on the site:
    the site caches where an old address leads (the slug it had then) under that address's tag,
    so after a slug change every old address of the article is refreshed and none leads to the
    previous slug (chains collapse), and a slug whose redirect ended is refreshed too.
    """
    changed = set(ArticleRedirect.objects.filter(old_slug=article.slug).values_list("old_slug", flat=True))
    ArticleRedirect.objects.filter(old_slug=article.slug).delete()
    if before is not None and before.slug != article.slug:
        if article_was_published(before):
            ArticleRedirect.objects.update_or_create(old_slug=before.slug, defaults={"article": article})
        changed |= set(article.redirects.values_list("old_slug", flat=True))
    return changed


def article_redirect_slugs(*, article: Article) -> list[str]:
    """The article's old addresses, for revalidating them when it goes (deleting it deletes them)."""
    return list(article.redirects.values_list("old_slug", flat=True))


@transaction.atomic
def article_social_image_set(*, article: Article, image: UploadedFile | None) -> Article:
    """Replaces (or, with None, removes) the social image with a validated, re-encoded copy.
    Without one, shared links show the cover."""
    old_name = article.social_image.name
    article.social_image = None
    if image is not None:
        stored = image_reencode(file=image, prefix="social/")
        article.social_image.name = article.social_image.storage.save(stored.name, stored)
    try:
        article.save(update_fields=["social_image", "updated_at"])
    except Exception:
        if article.social_image:
            article.social_image.storage.delete(article.social_image.name)  # nothing half-stored
        raise
    if old_name:
        storage_delete_on_commit(name=old_name)
    content_changed()
    site_articles_changed(article)
    return article
