"""Errors of the content services and selectors that callers handle by type (the admin's conflict
screen) or that carry more than a message (a moved article's new address)."""

from http import HTTPStatus

from django.urls import reverse
from django.utils.translation import gettext as _

from apps.common.exceptions import ApplicationError


class ArticleEditConflict(ApplicationError):
    """The article changed since the editor's form was loaded: their save would overwrite it."""

    def __init__(self, *, current_version: int) -> None:
        super().__init__(
            code="edit_conflict",
            detail=_("Someone else saved this article while you were editing it."),
            status_code=HTTPStatus.CONFLICT,
        )
        self.current_version = current_version


class ArticleMoved(ApplicationError):
    """The slug is an old address of an article (its slug changed after it was published):
    301 with the current address in ``Location`` and the new ``slug`` in the problem document,
    so the site answers the old page with a permanent redirect (docs/content.md#old-addresses)."""

    def __init__(self, *, slug: str) -> None:
        super().__init__(
            code="article_moved",
            detail=_("This article has a new address."),
            status_code=HTTPStatus.MOVED_PERMANENTLY,
            extensions={"slug": slug},
            headers={"Location": reverse("api:content:article-detail", kwargs={"slug": slug})},
        )
        self.slug = slug
