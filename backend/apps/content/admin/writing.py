"""Writing in the admin: the Markdown editor on the article body and its live preview.

The preview is rendered by the site's own code (``apps/content/markdown.py``) through an admin-only
JSON endpoint (staff session, CSRF token, size limit), so what editors see is what readers get. The
editor's script is a static file (the Content-Security-Policy runs no inline script); its words come
translated on the widget's ``data-*`` attributes. Images go through the media library
(``apps/uploads/admin.py``). docs/editors.md#writing.
"""

from typing import Any

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from unfold.widgets import UnfoldAdminTextareaWidget

from apps.common.exceptions import PayloadTooLarge
from apps.content.markdown import body_facts, markdown_render
from apps.uploads.admin_apis import MayWriteArticles

# Characters of Markdown the preview renders: several times a long feature article.
PREVIEW_MAX_CHARACTERS = 200_000


@extend_schema(exclude=True)  # the admin's, not the public API's
class MarkdownPreviewApi(APIView):
    """The body as the site will show it, with its word count and reading time."""

    authentication_classes = (SessionAuthentication,)  # the admin's session, CSRF token required
    permission_classes = (MayWriteArticles,)

    class PreviewInput(serializers.Serializer):
        body = serializers.CharField(allow_blank=True, trim_whitespace=False)

    def post(self, request: Request) -> Response:
        # Refuse an oversized body before parsing it (4 bytes per character at most in UTF-8).
        if int(request.META.get("CONTENT_LENGTH") or 0) > 4 * PREVIEW_MAX_CHARACTERS + 1024:
            raise PayloadTooLarge()
        serializer = self.PreviewInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        body = serializer.validated_data["body"]
        if len(body) > PREVIEW_MAX_CHARACTERS:
            raise PayloadTooLarge()
        html = markdown_render(source=body)
        facts = body_facts(html=html)
        return Response(
            {
                "html": html,
                "words": facts.words,
                "reading_minutes": facts.reading_minutes,
                "images_without_alt": len(facts.images_without_alt),
            }
        )


class MarkdownEditorWidget(UnfoldAdminTextareaWidget):
    """The body's textarea, turned by ``content/markdown-editor.js`` into the editor with toolbar,
    live preview, counts and image insertion (``content/editor-images.js``)."""

    class Media:
        css = {"all": ("content/markdown-editor.css",)}
        js = ("content/markdown-editor.js", "content/editor-images.js")

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update(editor_attributes())
        return context


def editor_attributes() -> dict[str, str]:
    """Endpoints and translated words for the editor's scripts, as ``data-editor-*`` attributes."""
    words = {
        "heading": _("Heading"),
        "bold": _("Bold"),
        "italic": _("Italic"),
        "bulleted-list": _("Bulleted list"),
        "numbered-list": _("Numbered list"),
        "link": _("Link"),
        "quote": _("Quote"),
        "code": _("Code"),
        "table": _("Table"),
        "image": _("Image"),
        "library": _("Media library"),
        "preview": _("Preview"),
        "preview-failed": _("The preview could not be shown: %(reason)s"),
        "preview-offline": _("the server did not answer. Your text is safe; the preview retries as you type."),
        "session-expired": _("your admin session has expired. Sign in again in another tab; your text stays here."),
        "counts": _("%(words)s words · %(minutes)s min read"),
        "missing-alt": _("%(count)s image(s) without alt text: add a description between the brackets ![…]."),
        "link-url": _("Link address (https://…)"),
        "table-template": _("| Column | Column |\n| --- | --- |\n| Cell | Cell |"),
        "alt-title": _("Describe the image"),
        "alt-label": _("Alt text: what the image shows, for readers who cannot see it"),
        "alt-required": _("Alt text is required."),
        "insert": _("Insert"),
        "cancel": _("Cancel"),
        "uploading": _("Uploading the image…"),
        "upload-failed": _("The image was not uploaded: %(reason)s"),
        "library-search": _("Search by alt text or file name"),
        "library-empty": _("No images found."),
        "drop-hint": _("Drop or paste images here."),
    }
    return {
        "data-markdown-editor": "",
        "data-editor-preview-url": reverse("admin:content_article_markdown_preview"),
        "data-editor-upload-url": reverse("admin:uploads_articleimage_upload"),
        "data-editor-finish-url": reverse("admin:uploads_articleimage_finish"),
        "data-editor-library-url": reverse("admin:uploads_articleimage_library"),
        **{f"data-editor-text-{key}": str(text) for key, text in words.items()},
    }


class WritingAdminMixin:
    """Adds the preview endpoint to the article admin's URLs."""

    def get_urls(self) -> list:
        preview = path("markdown-preview/", MarkdownPreviewApi.as_view(), name="content_article_markdown_preview")
        return [preview, *super().get_urls()]  # type: ignore[misc]


def body_alt_text_check(body: str) -> None:
    """Refuses a body with an image that has no alt text, naming the images, as a form error."""
    missing = body_facts(html=markdown_render(source=body)).images_without_alt
    if missing:
        raise forms.ValidationError(
            _(
                "Every image needs alt text (a description between the brackets: ![what it shows](…)). "
                "Missing for: %(images)s"
            )
            % {"images": ", ".join(src or _("an image without address") for src in missing)},
            code="image_without_alt",
        )
