"""Revalidation of the Next.js site's cached pages: which cache tags a change touches, and the call.

The site caches what it fetches from the content API under tags (frontend/src/lib/api/server.ts):
``articles`` for the lists, the feed and the sitemap, ``article:<slug>`` for one article's page
(with its first page of comments), ``tags`` for the tag filter. After a change readers see, the
content services call ``site_revalidate_on_commit`` with what changed; after commit a Celery task
POSTs the tags to the site's webhook, signed with REVALIDATE_SECRET. Drafts are not on the site,
so a change that only touches drafts sends nothing. Revalidating a tag twice does no harm, so
the task may run again (retries, at-least-once delivery). docs/frontend.md#cached-pages.
"""

import hashlib
import hmac
import json
import time
import urllib.request
from collections.abc import Iterable
from http import HTTPStatus
from urllib.error import HTTPError

from django.conf import settings

from apps.content import tasks
from apps.content.models import Article
from apps.jobs.services import enqueue_on_commit

ARTICLES_TAG = "articles"
TAGS_TAG = "tags"


class RevalidationRefused(Exception):
    """The site answered 4xx (wrong secret, clock skew, bad body): retrying would not help."""


def article_tag(slug: str) -> str:
    return f"article:{slug}"


def site_articles_changed(*articles: Article | None, tags: bool = False, old_addresses: Iterable[str] = ()) -> None:
    """The content services' one hook: revalidates the pages of these articles that readers see
    (or saw until now: callers pass the state before the change too), and the lists with them.

    ``old_addresses`` are slugs whose redirect changed (services/seo.py): the site caches where
    an old address leads under that slug's tag, whatever the state of the article.
    """
    slugs = {article.slug for article in articles if article is not None and article.is_live} | set(old_addresses)
    if slugs or tags:
        site_revalidate_on_commit(slugs=slugs, tags=tags)


def site_revalidate_on_commit(*, slugs: Iterable[str] = (), lists: bool = True, tags: bool = False) -> None:
    """After commit, revalidates these live articles' pages, and the lists (and the tag filter).

    Callers pass only articles readers can see (or saw until this change): a draft's page does
    not exist on the site. Nothing is sent when the site has no revalidation secret configured.
    """
    if not settings.REVALIDATE_SECRET:
        return
    cache_tags = sorted({article_tag(slug) for slug in slugs})
    if lists:
        cache_tags.append(ARTICLES_TAG)
    if tags:
        cache_tags.append(TAGS_TAG)
    if cache_tags:
        enqueue_on_commit(tasks.revalidate_site, cache_tags)


def revalidation_signature(*, timestamp: str, body: bytes, secret: str) -> str:
    """HMAC-SHA256 over ``<timestamp>.<body>``, hex; the site's route handler checks the same."""
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def site_revalidate(*, tags: list[str]) -> None:
    """POSTs ``{"tags": [...]}`` to the site's webhook. Network errors and 5xx raise for a retry."""
    body = json.dumps({"tags": tags}).encode()
    timestamp = str(int(time.time()))
    request = urllib.request.Request(  # noqa: S310 - REVALIDATE_URL is our own setting (http/https)
        settings.REVALIDATE_URL,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Revalidate-Timestamp": timestamp,
            "X-Revalidate-Signature": revalidation_signature(
                timestamp=timestamp, body=body, secret=settings.REVALIDATE_SECRET
            ),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.REVALIDATE_TIMEOUT_SECONDS):  # noqa: S310
            return
    except HTTPError as error:
        if error.code >= HTTPStatus.INTERNAL_SERVER_ERROR or error.code == HTTPStatus.TOO_MANY_REQUESTS:
            raise ConnectionError(f"The site answered {error.code} to a revalidation.") from error
        raise RevalidationRefused(f"The site refused a revalidation with {error.code}.") from error
