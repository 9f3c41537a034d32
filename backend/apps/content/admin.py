"""The editors' tool: articles with covers and scheduling, tags, comment moderation.

Every save, delete and action goes through the content services, as the API's writes do,
so the admin changes nothing the services would not (the response cache included).
"""

from typing import Any, cast

from csp.decorators import csp_update
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Field, Q, QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.content import history_services, services
from apps.content.admin_history import ArticleLockAdminMixin, HistoryAdminMixin
from apps.content.models import Article, Comment, Tag
from apps.uploads.images import image_reencode


class AuthorChoiceField(forms.ModelChoiceField):
    """Users by public name, never by User.__str__ (the email): editors may not see users (docs/content.md)."""

    def label_from_instance(self, obj: User) -> str:
        return obj.public_name


class AuthorNameMixin:
    """An ``author_name`` column / read-only field: the public name, not the email address."""

    @admin.display(description=_("author"), ordering="author__first_name")
    def author_name(self, obj: Article | Comment) -> str:
        return obj.author.public_name if obj.author else "-"


class AuthorListFilter(admin.RelatedOnlyFieldListFilter):
    """The authors of the listed articles, by public name (Django's own filter labels them by email)."""

    def field_choices(self, field: Field, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        pk_qs = model_admin.get_queryset(request).distinct().values_list(f"{self.field_path}__pk", flat=True)
        authors = User.objects.filter(pk__in=pk_qs).order_by("first_name", "last_name", "pk")
        return [(author.pk, author.public_name) for author in authors]


class ArticleAdminForm(forms.ModelForm):
    # Not the model's ImageField: Django would store the raw file on save. The service stores
    # a validated, re-encoded copy instead (the same checks as avatars).
    new_cover = forms.FileField(label=_("Cover image"), required=False, help_text=_("JPEG, PNG or WebP, up to 5 MB."))
    remove_cover = forms.BooleanField(label=_("Remove the cover"), required=False)

    class Meta:
        model = Article
        fields = ("title", "slug", "summary", "body", "tags", "author", "status", "publish_at")
        field_classes = {"author": AuthorChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Staff accounts only (editors and admins), plus the current author if they are not (or no
        # longer) staff, so such an article still saves. The queryset also validates the POST.
        choices = Q(is_staff=True)
        if self.instance.author_id is not None:
            choices |= Q(pk=self.instance.author_id)
        author = cast(AuthorChoiceField, self.fields["author"])
        author.queryset = User.objects.filter(choices).order_by("first_name", "last_name", "pk")

    def clean_new_cover(self) -> Any:
        upload = self.cleaned_data.get("new_cover")
        if upload:
            try:
                image_reencode(file=upload)
            except ApplicationError as error:
                raise forms.ValidationError(error.detail, code=error.code) from None
        return upload


class CommentInline(AuthorNameMixin, admin.TabularInline):
    model = Comment
    extra = 0
    fields = ("author_name", "body", "state", "created_at", "edited_at")
    readonly_fields = ("author_name", "body", "created_at", "edited_at")
    show_change_link = True
    ordering = ("-created_at",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Comment]:
        return super().get_queryset(request).select_related("author")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # comments come from readers


@admin.register(Article)
class ArticleAdmin(ArticleLockAdminMixin, HistoryAdminMixin, AuthorNameMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ("title", "status", "author_name", "publish_at", "cover", "preview")
    list_filter = ("status", "tags", ("author", AuthorListFilter))
    list_select_related = ("author",)
    search_fields = ("title", "summary", "body")
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("tags",)
    readonly_fields = ("cover", "preview", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body", "tags")}),
        (_("Cover"), {"fields": ("cover", "new_cover", "remove_cover")}),
        (_("Publishing"), {"fields": ("author", "status", "publish_at", "preview", "created_at", "updated_at")}),
    )
    inlines = (CommentInline,)
    actions = ("publish", "unpublish")

    class Media:
        css = {"all": ("content/admin.css",)}

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
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Preview"))

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        return {**super().get_changeform_initial_data(request), "author": request.user.pk}

    def save_model(self, request: HttpRequest, obj: Article, form: ArticleAdminForm, change: bool) -> None:
        services.article_save(
            article=obj, expected_version=form.cleaned_data.get("edit_version"), actor=cast(User, request.user)
        )
        if form.cleaned_data.get("new_cover"):
            services.article_cover_set(article=obj, image=form.cleaned_data["new_cover"])
        elif form.cleaned_data.get("remove_cover"):
            services.article_cover_set(article=obj, image=None)

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

    @admin.action(description=_("Publish now"), permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            services.article_publish(article=article)
        self.message_user(request, _("%d article(s) published.") % len(queryset), messages.SUCCESS)

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            services.article_unpublish(article=article)
        self.message_user(request, _("%d article(s) moved back to draft.") % len(queryset), messages.SUCCESS)

    def get_urls(self) -> list:
        preview = path(
            "<int:article_id>/preview/",
            # Markdown may show images from other sites (the body is sanitised; scripts stay refused).
            self.admin_site.admin_view(csp_update({"img-src": ["https:"]})(self.preview_view)),  # type: ignore[arg-type]
            name="content_article_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request: HttpRequest, article_id: int) -> HttpResponse:
        """The article as readers will see it, drafts included (editors only)."""
        article = get_object_or_404(Article.objects.select_related("author").prefetch_related("tags"), pk=article_id)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "article": article,
            "title": article.title,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/content/article/preview.html", context)


@admin.register(Tag)
class TagAdmin(HistoryAdminMixin, admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

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
class CommentAdmin(HistoryAdminMixin, AuthorNameMixin, admin.ModelAdmin):
    list_display = ("excerpt", "article", "author_name", "state", "created_at")
    list_filter = ("state", "created_at")
    list_select_related = ("article", "author")
    # Not author__email: a match would confirm to an editor that an address has an account.
    search_fields = ("body", "author__first_name", "author__last_name", "article__title")
    date_hierarchy = "created_at"
    fields = ("article", "author_name", "body", "state", "created_at", "edited_at")
    readonly_fields = ("article", "author_name", "body", "created_at", "edited_at")
    actions = ("approve", "hide")

    @admin.display(description=_("Comment"))
    def excerpt(self, comment: Comment) -> str:
        return comment.body if len(comment.body) <= 80 else comment.body[:79] + "…"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # comments come from readers

    def save_model(self, request: HttpRequest, obj: Comment, form: ModelForm, change: bool) -> None:
        services.comment_moderate(comment=obj, state=Comment.State(obj.state))  # state is the one editable field

    def delete_model(self, request: HttpRequest, obj: Comment) -> None:
        services.comment_remove(comment=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        for comment in queryset:
            services.comment_remove(comment=comment)

    @admin.action(description=_("Approve (make visible)"), permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        for comment in queryset:
            services.comment_moderate(comment=comment, state=Comment.State.VISIBLE)
        self.message_user(request, _("%d comment(s) visible.") % len(queryset), messages.SUCCESS)

    @admin.action(description=_("Hide"), permissions=["change"])
    def hide(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        for comment in queryset:
            services.comment_moderate(comment=comment, state=Comment.State.HIDDEN)
        self.message_user(request, _("%d comment(s) hidden.") % len(queryset), messages.SUCCESS)
