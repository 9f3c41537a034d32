"""Reads of the versions django-simple-history keeps of articles, tags and comments.

A version is a historical record: the object's fields as saved, who saved it (``history_user``)
and when (``history_date``). Diffs compare the fields editors see, as text, line by line for
multi-line text such as an article's body.
"""

import difflib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from django.db import models
from django.utils import formats, timezone

from apps.accounts.models import User
from apps.content.models import Article, Comment, Tag

# What a diff shows of each model: its editorial fields, not the derived or internal ones.
DIFF_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Article: ("title", "slug", "summary", "body", "author", "status", "publish_at", "cover_image"),
    Tag: ("name", "slug"),
    Comment: ("body", "state", "edited_at"),
}


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str
    # For multi-line text: the changed lines with two of context, as (kind, line); kind is "+",
    # "-", " " or "@" (a gap between hunks). Empty for one-line values.
    lines: list[tuple[str, str]] = field(default_factory=list)


def versions_list(*, instance: models.Model) -> models.QuerySet:
    """The object's versions, newest first, with who saved them."""
    return instance.history.select_related("history_user").order_by("-history_date", "-history_id")  # type: ignore[attr-defined]


def _display(model_field: models.Field, value: Any, users: dict[int, str]) -> str:
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        return users.get(value, str(value))
    if isinstance(value, datetime):
        return str(formats.localize(timezone.localtime(value)))
    return str(value)


def _text_lines(old: str, new: str) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    for line in list(difflib.unified_diff(old.splitlines(), new.splitlines(), n=2, lineterm=""))[2:]:
        lines.append(("@", "…") if line.startswith("@@") else (line[:1], line[1:]))
    return lines


def versions_diff(
    *, model: type[models.Model], old: Any, new: Any, names: tuple[str, ...] | None = None
) -> list[FieldChange]:
    """The fields (``names``, else all shown) that differ from ``old`` to ``new``: versions or the live object."""
    fields = [cast(models.Field, model._meta.get_field(name)) for name in names or DIFF_FIELDS[model]]
    values: list[dict[str, Any]] = [
        {f.name: getattr(version, f.attname) if version is not None else None for f in fields} for version in (old, new)
    ]
    user_ids = [v[f.name] for v in values for f in fields if isinstance(f, models.ForeignKey) and v[f.name]]
    users = {user.pk: user.public_name for user in User.objects.filter(pk__in=user_ids)}
    changes = []
    for f in fields:
        before, after = values[0][f.name], values[1][f.name]
        if str(before or "") == str(after or ""):
            continue
        old_text, new_text = _display(f, before, users), _display(f, after, users)
        multiline = isinstance(f, models.TextField) and "\n" in f"{before or ''}{after or ''}"
        lines = _text_lines(str(before or ""), str(after or "")) if multiline else []
        changes.append(FieldChange(label=str(f.verbose_name).capitalize(), old=old_text, new=new_text, lines=lines))
    return changes


def article_changes_since(*, article_id: int, version: int) -> list[FieldChange]:
    """What others changed in the article since the editor loaded ``version`` of it."""
    loaded = Article.history.filter(id=article_id, version=version).order_by("-history_id").first()
    current = Article.objects.filter(pk=article_id).first()
    return versions_diff(model=Article, old=loaded, new=current)
