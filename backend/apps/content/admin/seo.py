"""Search and sharing in the article form: the meta fields with live length counters, the social
image, and a live preview of the search result and the shared-link card (docs/editors.md).

The counters and the preview are drawn by static/content/seo.js from the form as it is typed
(a file: the admin's Content-Security-Policy allows no inline script); their words travel on
data attributes, so they are translated as the page is.
"""

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import admin
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from apps.content.models import Article
from apps.content.services import seo

# What a search result shows before it cuts (about): the counters warn past these. The model's
# max_length (models.META_*_MAX) is the hard limit.
META_TITLE_HINT = 60
META_DESCRIPTION_HINT = 160


def hinted(widget_class: type[forms.Widget], *, hint: int, **attrs: Any) -> forms.Widget:
    """A text widget with a live counter that warns past ``hint`` characters (seo.js)."""
    return widget_class(
        attrs={
            **attrs,
            "data-seo-hint": hint,
            "data-seo-count": _("%(count)s of about %(hint)s characters"),
            "data-seo-over": _("%(count)s characters: search results show about %(hint)s, the rest is cut."),
        }
    )


class SeoAdminMixin:
    """For the article ModelAdmin: the fieldset's read-only parts, the script, and the save."""

    seo_fields = ("meta_title", "meta_description", "social_image_shown", "new_social_image", "remove_social_image")

    @property
    def media(self) -> forms.Media:
        return super().media + forms.Media(js=["content/seo.js"], css={"all": ["content/seo.css"]})  # type: ignore[misc]

    @admin.display(description=_("Current social image"))
    def social_image_shown(self, article: Article) -> str:
        if not article.social_image:
            return str(_("None: shared links show the cover."))
        return render_to_string("admin/content/article/seo_image.html", {"url": article.social_image.url})

    @admin.display(description=_("Preview"))
    def seo_preview(self, article: Article) -> str:
        site = settings.FRONTEND_URL.rstrip("/")
        context = {
            "article": article,
            "site": site,
            "domain": urlsplit(site).netloc,
            "social": article.social_image.url if article.social_image else "",
            "cover": article.cover_image.url if article.cover_image else "",
            "hints": {"title": META_TITLE_HINT, "description": META_DESCRIPTION_HINT},
        }
        return render_to_string("admin/content/article/seo_preview.html", context)

    @admin.display(description=_("Old addresses"))
    def old_addresses(self, article: Article) -> str:
        """Where this article was before a slug change; each leads here (services/seo.py)."""
        slugs = list(article.redirects.values_list("old_slug", flat=True)) if article.pk else []
        return ", ".join(f"/articles/{slug}" for slug in slugs) or "-"

    def seo_save(self, *, article: Article, cleaned_data: dict[str, Any]) -> None:
        if cleaned_data.get("new_social_image"):
            seo.article_social_image_set(article=article, image=cleaned_data["new_social_image"])
        elif cleaned_data.get("remove_social_image"):
            seo.article_social_image_set(article=article, image=None)
