"""The workflow's emails, each in its recipient's language, with a link to the article's admin page."""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import reverse

from apps.accounts.models import User
from apps.common.emails import email_send
from apps.content.models import Article


def _admin_link(article: Article) -> str:
    # The admin is served on the site's public origin (nginx; the Next.js proxy in development).
    return settings.FRONTEND_URL + reverse("admin:content_article_change", args=[article.pk])


def _send(*, user: User, article: Article, template: str) -> None:
    email_send(
        to=user.email,
        template=f"content/email/{template}",
        context={"user": user, "article": article, "link": _admin_link(article), "frontend_url": settings.FRONTEND_URL},
        language=user.language,
    )


def _reviewers() -> list[User]:
    """Active staff who may review: by group or their own permission, and superusers."""
    permission = Permission.objects.filter(content_type__app_label="content", codename="review_article")
    return list(
        User.objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions__in=permission) | Q(user_permissions__in=permission))
        .distinct()
    )


def article_submitted_email_send(*, article: Article) -> None:
    for editor in _reviewers():
        if editor.pk != article.author_id:
            _send(user=editor, article=article, template="article_submitted")


def changes_requested_email_send(*, article: Article) -> None:
    assert article.author is not None  # noqa: S101 (the task sends only for articles with an author)
    _send(user=article.author, article=article, template="changes_requested")


def article_published_email_send(*, article: Article) -> None:
    assert article.author is not None  # noqa: S101
    _send(user=article.author, article=article, template="article_published")
