"""The newsroom admin (docs/editors.md): articles with their workflow, tags, the comment
moderation queue and the dashboard. Every write goes through the content services."""

from apps.content.admin import articles, comments

__all__ = ["articles", "comments"]
