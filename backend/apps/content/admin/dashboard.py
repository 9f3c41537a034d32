"""The admin's front page for the newsroom: my drafts, what awaits my review, the next 7 days'
schedule, pending comments, failed jobs, and 30 days of articles published and comments.

Unfold calls ``dashboard_context`` (settings UNFOLD["DASHBOARD_CALLBACK"]) for the index page.
"""

import json
from typing import Any, cast

from django.http import HttpRequest
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.content import selectors
from apps.content.services import workflow


def dashboard_context(request: HttpRequest, context: dict[str, Any]) -> dict[str, Any]:
    user = cast(User, request.user)
    days, published, comments = selectors.dashboard_daily_counts(days=30)
    chart = {
        "labels": [day.strftime("%d.%m") for day in days],
        "datasets": [
            {"label": _("Articles published"), "data": published, "backgroundColor": "var(--color-primary-600)"},
            {"label": _("Comments"), "data": comments, "backgroundColor": "var(--color-primary-300)"},
        ],
    }
    may_moderate = user.has_perm("content.change_comment")
    context.update(
        {
            "my_drafts": selectors.dashboard_drafts(user=user),
            "awaiting_review": selectors.dashboard_in_review() if workflow.user_is_reviewer(user=user) else None,
            "scheduled": selectors.dashboard_scheduled(days=7) if user.has_perm("content.view_article") else None,
            "pending_comments": selectors.comment_pending_count() if may_moderate else None,
            "failed_jobs": selectors.dashboard_failed_jobs() if user.is_superuser else None,
            "chart": json.dumps(chart),
        }
    )
    return context


def pending_comments_badge(request: HttpRequest) -> str:
    """The sidebar's count next to the moderation queue; empty when none wait."""
    count = selectors.comment_pending_count()
    return str(count) if count else ""
