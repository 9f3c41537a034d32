"""Reverts to an earlier version, through the content services, as a new version.

A revert copies the version's editorial text into the live object and saves it with the usual
service: the old versions stay, the cache is invalidated, the search document rewritten.
"""

from typing import Any, cast

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.content import services
from apps.content.models import Article, Tag

# What a revert restores of an article: its text (meta title and description too) and byline. Not the
# workflow (status and publish time go through the publishing services and their permissions), not
# the cover or social image (a replaced image's files are deleted), and never the comment count
# (the comment services' alone; not versioned).
REVERT_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Article: ("title", "slug", "summary", "body", "author", "meta_title", "meta_description"),
    Tag: ("name", "slug"),
}


def _copy(*, target: models.Model, version: Any) -> None:
    for name in REVERT_FIELDS[type(target)]:
        attname = cast(models.Field, target._meta.get_field(name)).attname
        setattr(target, attname, getattr(version, attname))


def article_revert(
    *, article: Article, version: Any, actor: User | None, expected_version: int | None = None
) -> Article:
    """Makes ``version`` (a record of ``article.history``) the text of the article again."""
    _copy(target=article, version=version)
    # simple-history stores ``_change_reason`` with the version the save makes.
    setattr(article, "_change_reason", _("Reverted to version %(version)s") % {"version": version.version})  # noqa: B010
    return services.article_save(article=article, expected_version=expected_version, actor=actor)


def tag_revert(*, tag: Tag, version: Any, actor: User | None) -> Tag:
    _copy(target=tag, version=version)
    date = formats.localize(timezone.localtime(version.history_date))
    setattr(tag, "_change_reason", _("Reverted to the version of %(date)s") % {"date": date})  # noqa: B010
    services.history_actor_set(instance=tag, actor=actor)
    return services.tag_save(tag=tag)
