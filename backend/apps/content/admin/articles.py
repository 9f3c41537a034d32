"""Articles in the admin: the form, the list, and the workflow (submit, review, schedule, publish).

Every save, delete and action goes through the content services, as the API's writes do, so
the admin changes nothing the services would not (permissions and the response cache included).
Authors see and edit only their own articles (workflow.article_may_edit).
"""

from typing import Any, cast
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Field, QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from unfold.admin import ModelAdmin, TabularInline
from unfold.contrib.filters.admin import AutocompleteSelectFilter, ChoicesDropdownFilter
from unfold.decorators import action

from apps.accounts.models import User
from apps.common.admin_site import AutocompleteChoices
from apps.common.exceptions import ApplicationError
from apps.content import history_services, selectors, services
from apps.content.admin.common import AuthorAutocompleteFilter, AuthorNameMixin, people_choices
from apps.content.admin.forms import ArticleAdminForm, WorkflowForm
from apps.content.admin.seo import SeoAdminMixin
from apps.content.admin.writing import WritingAdminMixin
from apps.content.admin_history import ArticleLockAdminMixin, HistoryAdminMixin
from apps.content.models import Article, Comment, Tag
from apps.content.preview import preview_token_make
from apps.content.services import workflow


class CommentInline(AuthorNameMixin, TabularInline):
    model = Comment
    extra = 0
    fields = ("author_name", "body", "state", "created_at", "edited_at")
    readonly_fields = ("author_name", "body", "created_at", "edited_at")
    show_change_link = True
    ordering = ("-created_at",)
    tab = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Comment]:
        return super().get_queryset(request).select_related("author")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # comments come from readers


@admin.register(Article)
class ArticleAdmin(
    WritingAdminMixin, SeoAdminMixin, ArticleLockAdminMixin, HistoryAdminMixin, AuthorNameMixin, ModelAdmin
):
    form = ArticleAdminForm
    list_display = ("title", "status_label", "author_name", "publish_at", "unpublish_at", "comment_count", "cover")
    list_filter = (
        ("status", ChoicesDropdownFilter),
        ("tags", AutocompleteSelectFilter),
        ("author", AuthorAutocompleteFilter),
    )
    list_filter_submit = True
    list_select_related = ("author",)
    search_fields = ("title", "summary", "body")
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("tags", "author")
    readonly_fields = (
        *("status_label", "review_note", "cover", "preview", "created_at", "updated_at"),
        *("social_image_shown", "seo_preview", "old_addresses"),
    )
    inlines = (CommentInline,)
    actions = ("submit", "publish", "unpublish", "archive")
    actions_detail = ("workflow_open",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body", "tags")}),
        (_("Cover"), {"fields": ("cover", "new_cover", "remove_cover")}),
        (_("Search and sharing"), {"fields": (*SeoAdminMixin.seo_fields, "seo_preview", "old_addresses")}),
        (
            _("Publishing"),
            {
                "fields": (
                    *("status_label", "review_note", "author", "publish_at", "unpublish_at", "preview"),
                    *("created_at", "updated_at"),
                )
            },
        ),
    )

    class Media:
        css = {"all": ("content/admin.css",)}

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))
        if not workflow.user_is_reviewer(user=cast(User, request.user)):
            readonly += ["author", "publish_at", "unpublish_at"]  # the editors' decisions
        return readonly

    @staticmethod
    def _own_articles_only(user: User) -> bool:
        """An author (not an editor): sees and edits their own articles only."""
        return user.has_perm("content.change_article") and not workflow.user_is_reviewer(user=user)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        queryset = super().get_queryset(request)
        user = cast(User, request.user)
        return queryset.filter(author=user) if self._own_articles_only(user) else queryset

    def autocomplete_choices(self, request: HttpRequest, field: Field) -> AutocompleteChoices | None:
        """The author and tag pickers and filters (apps/common/admin_site.py), for whoever may see
        articles (moderators have no tag admin): people by name, an author finds only themselves."""
        if field.name == "tags":
            return AutocompleteChoices(queryset=Tag.objects.order_by("name"), search_fields=("name", "slug"), label=str)
        if field.name != "author":
            return None
        user = cast(User, request.user)
        if self._own_articles_only(user):
            return people_choices(User.objects.filter(pk=user.pk))
        return people_choices(selectors.article_author_choices())

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.article_may_edit(article=obj, user=cast(User, request.user)))

    @admin.display(description=_("Status"), ordering="status")
    def status_label(self, article: Article) -> str:
        return format_html(
            '<span class="article-status article-status-{}">{}</span>', article.status, article.get_status_display()
        )

    @admin.display(description=_("Cover"))
    def cover(self, article: Article) -> str:
        image = article.cover_thumbnail or article.cover_image
        if not image:
            return "-"
        return format_html('<img src="{}" alt="" class="article-cover-thumbnail">', image.url)

    @admin.display(description=_("Preview"))
    def preview(self, article: Article) -> str:
        if not article.pk:
            return "-"
        url = reverse("admin:content_article_preview", args=[article.pk])
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Preview on site"))

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        return {**super().get_changeform_initial_data(request), "author": request.user.pk}

    def save_model(self, request: HttpRequest, obj: Article, form: ArticleAdminForm, change: bool) -> None:
        if not change and not workflow.user_is_reviewer(user=cast(User, request.user)):
            obj.author = cast(User, request.user)
        workflow.article_edit_check(article=obj, user=cast(User, request.user))  # the service for the rule
        services.article_save(
            article=obj, expected_version=form.cleaned_data.get("edit_version"), actor=cast(User, request.user)
        )
        if form.cleaned_data.get("new_cover"):
            services.article_cover_set(article=obj, image=form.cleaned_data["new_cover"])
        elif form.cleaned_data.get("remove_cover"):
            services.article_cover_set(article=obj, image=None)
        self.seo_save(article=obj, cleaned_data=form.cleaned_data)

    def save_related(self, request: HttpRequest, form: ModelForm, formsets: list, change: bool) -> None:
        services.article_tags_set(article=form.instance, tags=form.cleaned_data["tags"])
        for formset in formsets:
            self.save_formset(request, form, formset, change)

    def save_formset(self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet, change: bool) -> None:
        # The one inline: moderation of the article's comments, as CommentAdmin does it.
        for comment in formset.save(commit=False):
            services.comment_moderate(comment=comment, state=Comment.State(comment.state))
        for comment in formset.deleted_objects:
            services.comment_remove(comment=comment)

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        services.article_delete(article=obj)

    def history_revert(self, request: HttpRequest, obj: Article, version: Any) -> None:
        history_services.article_revert(article=obj, version=version, actor=cast(User, request.user))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            services.article_delete(article=article)

    def _transition(self, request: HttpRequest, queryset: QuerySet[Article], name: str, done: str | Promise) -> None:
        """Runs a workflow transition on each article; a refused one is reported, the others go on."""
        count = 0
        for article in queryset:
            try:
                workflow.TRANSITIONS[name](article=article, by=request.user)
            except ApplicationError as error:
                self.message_user(request, f"{article}: {error.detail}", messages.ERROR)
            else:
                count += 1
        if count:
            self.message_user(request, done % count, messages.SUCCESS)

    @admin.action(description=_("Submit for review"), permissions=["view"])
    def submit(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._transition(request, queryset, "submit", _("%d article(s) submitted for review."))

    @admin.action(description=_("Publish now"), permissions=["view"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._transition(request, queryset, "publish", _("%d article(s) published."))

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["view"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._transition(request, queryset, "unpublish", _("%d article(s) moved back to draft."))

    @admin.action(description=_("Archive"), permissions=["view"])
    def archive(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._transition(request, queryset, "archive", _("%d article(s) archived."))

    @action(description=_("Workflow"), url_path="workflow", icon="move_down", permissions=["view"])
    def workflow_open(self, request: HttpRequest, object_id: int) -> HttpResponse:
        return HttpResponseRedirect(reverse("admin:content_article_workflow", args=[object_id]))

    def get_urls(self) -> list:
        preview = path(
            "<int:article_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="content_article_preview",
        )
        moves = path(
            "<int:article_id>/workflow/",
            self.admin_site.admin_view(self.workflow_view),
            name="content_article_workflow",
        )
        return [preview, moves, *super().get_urls()]

    def workflow_view(self, request: HttpRequest, article_id: int) -> HttpResponse:
        """The article's next step: the transitions this user may make now, with note and times.

        A refused transition (the services decide) is shown as an error message, nothing changes.
        """
        article = get_object_or_404(self.get_queryset(request), pk=article_id)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        user = cast(User, request.user)
        transitions = workflow.transitions_available(article=article, user=user)
        form = WorkflowForm(request.POST or None, transitions=transitions)
        if request.method == "POST" and form.is_valid():
            name = form.cleaned_data["transition"]
            extra: dict[str, Any] = {}
            if name == "request_changes":
                extra["note"] = form.cleaned_data["note"]
            elif name == "schedule":
                extra = {
                    "publish_at": form.cleaned_data["publish_at"],
                    "unpublish_at": form.cleaned_data["unpublish_at"],
                }
            try:
                workflow.TRANSITIONS[name](article=article, by=user, **extra)
            except ApplicationError as error:
                self.message_user(request, error.detail, messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("“%(title)s” is now “%(status)s”.") % {"title": article, "status": article.get_status_display()},
                )
                return HttpResponseRedirect(reverse("admin:content_article_change", args=[article.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Workflow: %(title)s") % {"title": article},
            "article": article,
            "form": form,
            "opts": self.opts,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/content/article/workflow.html", context)

    def preview_view(self, request: HttpRequest, article_id: int) -> HttpResponse:
        """To the article's page on the site in draft mode, with a token minted on this click
        (so a change page left open for an hour still opens a fresh preview); docs/editors.md#preview."""
        article = get_object_or_404(self.get_queryset(request).only("pk", "slug"), pk=article_id)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        query = urlencode({"slug": article.slug, "token": preview_token_make(article=article)})
        return HttpResponseRedirect(f"{settings.FRONTEND_URL}/cms/preview?{query}")
