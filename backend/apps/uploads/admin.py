from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from unfold.admin import ModelAdmin

from apps.uploads import admin_apis, image_services
from apps.uploads.models import ArticleImage, Upload


@admin.register(Upload)
class UploadAdmin(ModelAdmin):
    """Read-only view for support: what is waiting, for whom, until when."""

    list_display = ("id", "owner", "purpose", "content_type", "size", "status", "expires_at")
    list_filter = ("purpose", "status")
    search_fields = ("owner__email", "id")
    readonly_fields = [field.name for field in Upload._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(ArticleImage)
class ArticleImageAdmin(ModelAdmin):
    """The media library: images uploaded in the article editor, for reuse (its picker searches the same).

    Whoever may write articles may see it and correct an image's alt text; deleting an image (which
    breaks the bodies that show it) is for those who may delete articles (Editors). Images are added
    from the editor only, where the upload flow and the alt text dialog are.
    """

    list_display = ("preview", "alt_text", "filename", "dimensions", "file_size", "uploader", "created_at")
    list_display_links = ("preview", "alt_text")
    search_fields = ("alt_text", "filename")
    date_hierarchy = "created_at"
    list_select_related = ("uploaded_by",)
    fields = ("preview", "alt_text", "address", "filename", "dimensions", "file_size", "uploader", "created_at")
    readonly_fields = ("preview", "address", "filename", "dimensions", "file_size", "uploader", "created_at")

    class Media:
        css = {"all": ("content/markdown-editor.css",)}

    def _may_write(self, request: HttpRequest) -> bool:
        return admin_apis.MayWriteArticles().has_permission(request, None)  # type: ignore[arg-type]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._may_write(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_write(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_write(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_active and request.user.has_perm("content.delete_article")

    @admin.display(description=_("Image"))
    def preview(self, image: ArticleImage) -> str:
        source = image.thumbnail or image.file
        return format_html('<img src="{}" alt="{}" class="media-library-thumbnail">', source.url, image.alt_text)

    @admin.display(description=_("Address in articles"))
    def address(self, image: ArticleImage) -> str:
        return format_html("<code>![{}]({})</code>", image.alt_text, admin_apis.library_item(image)["url"])

    @admin.display(description=_("Dimensions"))
    def dimensions(self, image: ArticleImage) -> str:
        return f"{image.width} x {image.height}"

    @admin.display(description=_("Size"), ordering="size")
    def file_size(self, image: ArticleImage) -> str:
        return filesizeformat(image.size)

    @admin.display(description=_("Uploaded by"), ordering="uploaded_by__first_name")
    def uploader(self, image: ArticleImage) -> str:
        return image.uploaded_by.public_name if image.uploaded_by else "-"

    def save_model(self, request: HttpRequest, obj: ArticleImage, form: Any, change: bool) -> None:
        image_services.article_image_update(image=obj, alt_text=obj.alt_text)

    def delete_model(self, request: HttpRequest, obj: ArticleImage) -> None:
        image_services.article_image_delete(image=obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for image in queryset:
            image_services.article_image_delete(image=image)

    def get_urls(self) -> list:
        endpoints = [
            path("upload/", admin_apis.ArticleImageUploadApi.as_view(), name="uploads_articleimage_upload"),
            path("finish/", admin_apis.ArticleImageFinishApi.as_view(), name="uploads_articleimage_finish"),
            path("library/", admin_apis.ArticleImageLibraryApi.as_view(), name="uploads_articleimage_library"),
        ]
        return [*endpoints, *super().get_urls()]
