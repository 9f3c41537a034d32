"""Tags, and the comment moderation queue: pending first, oldest first, with bulk approve, hide
and mark as spam. Every change goes through the comment services, which keep the counts."""

from typing import Any, cast

from django.contrib import admin, messages
from django.db.models import Case, Count, Field, IntegerField, QuerySet, Value, When
from django.forms import ModelForm
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from unfold.admin import ModelAdmin
from unfold.contrib.filters.admin import AutocompleteSelectFilter, ChoicesDropdownFilter, RangeDateFilter

from apps.accounts.models import User
from apps.common.admin_site import AutocompleteChoices
from apps.content import history_services, services
from apps.content.admin.common import AuthorAutocompleteFilter, AuthorNameMixin, people_choices
from apps.content.admin_history import HistoryAdminMixin
from apps.content.models import Comment, Tag


@admin.register(Tag)
class TagAdmin(HistoryAdminMixin, ModelAdmin):
    list_display = ("name", "slug", "article_count")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Tag]:
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description=_("Articles"), ordering="article_total")
    def article_count(self, tag: Tag) -> int:
        return tag.article_total  # type: ignore[attr-defined]

    def save_model(self, request: HttpRequest, obj: Tag, form: ModelForm, change: bool) -> None:
        services.tag_save(tag=obj)

    def delete_model(self, request: HttpRequest, obj: Tag) -> None:
        services.tag_delete(tag=obj)

    def history_revert(self, request: HttpRequest, obj: Tag, version: Any) -> None:
        history_services.tag_revert(tag=obj, version=version, actor=cast(User, request.user))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Tag]) -> None:
        for tag in queryset:
            services.tag_delete(tag=tag)


@admin.register(Comment)
class CommentAdmin(HistoryAdminMixin, AuthorNameMixin, ModelAdmin):
    list_display = ("excerpt", "article_link", "author_name", "author_since", "state", "created_at")
    list_filter = (
        ("state", ChoicesDropdownFilter),
        ("article", AutocompleteSelectFilter),
        ("author", AuthorAutocompleteFilter),
        ("created_at", RangeDateFilter),
    )
    list_filter_submit = True
    list_select_related = ("article", "author")
    # Not author__email: a match would confirm to an editor that an address has an account.
    search_fields = ("body", "author__first_name", "author__last_name", "article__title")
    fields = ("article", "author_name", "body", "state", "created_at", "edited_at")
    readonly_fields = ("article", "author_name", "body", "created_at", "edited_at")
    actions = ("approve", "hide", "spam")

    def autocomplete_choices(self, request: HttpRequest, field: Field) -> AutocompleteChoices | None:
        """The commenter filter (apps/common/admin_site.py): the people who commented, by name."""
        if field.name != "author":
            return None  # the article filter: Django's way (the article admin's search)
        return people_choices(User.objects.filter(pk__in=Comment.objects.values("author_id")))

    def get_ordering(self, request: HttpRequest) -> tuple:
        # The queue: pending first, then the rest; oldest first within each (index content_comment_pending_idx).
        pending_first = Case(
            When(state=Comment.State.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        return (pending_first.asc(), "created_at", "id")

    @admin.display(description=_("Comment"))
    def excerpt(self, comment: Comment) -> str:
        return comment.body if len(comment.body) <= 80 else comment.body[:79] + "…"

    @admin.display(description=_("Article"), ordering="article__title")
    def article_link(self, comment: Comment) -> str:
        url = reverse("admin:content_article_change", args=[comment.article_id])
        return format_html('<a href="{}">{}</a>', url, comment.article.title)

    @admin.display(description=_("Account since"), ordering="author__date_joined")
    def author_since(self, comment: Comment) -> str:
        return comment.author.date_joined.date().isoformat()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # comments come from readers

    def save_model(self, request: HttpRequest, obj: Comment, form: ModelForm, change: bool) -> None:
        services.comment_moderate(comment=obj, state=Comment.State(obj.state))  # state is the one editable field

    def delete_model(self, request: HttpRequest, obj: Comment) -> None:
        services.comment_remove(comment=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        for comment in queryset:
            services.comment_remove(comment=comment)

    def _moderate(
        self, request: HttpRequest, queryset: QuerySet[Comment], state: Comment.State, done: str | Promise
    ) -> None:
        count = services.comments_moderate(comment_ids=list(queryset.values_list("pk", flat=True)), state=state)
        self.message_user(request, done % count, messages.SUCCESS)

    @admin.action(description=_("Approve (make visible)"), permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, Comment.State.VISIBLE, _("%d comment(s) visible."))

    @admin.action(description=_("Hide"), permissions=["change"])
    def hide(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, Comment.State.HIDDEN, _("%d comment(s) hidden."))

    @admin.action(description=_("Mark as spam"), permissions=["change"])
    def spam(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, Comment.State.SPAM, _("%d comment(s) marked as spam."))
