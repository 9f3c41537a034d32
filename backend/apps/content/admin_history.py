"""Nothing is lost in the admin: versions with diffs and revert, the edit lock, and autosave.

Mixins for the content ModelAdmins, kept apart from their look (admin.py):

- ``HistoryAdminMixin`` replaces the admin's "History" page with the object's versions (who, when,
  what changed), a diff between any two and, where the model admin defines ``history_revert``,
  a revert through the services as a new version.
- ``ArticleLockAdminMixin`` puts the version the form was loaded with into the form; a save over
  a newer version is refused with the other editor's changes shown and the own text kept. Its
  script (static/content/autosave.js) keeps the open form in the browser (docs/editors.md).
"""

from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.content import history_selectors, history_services, services

VERSIONS_SHOWN = 100


class HistoryAdminMixin:
    """For a ModelAdmin of a model with ``history = HistoricalRecords()``."""

    model: type[models.Model]
    admin_site: admin.AdminSite

    def history_revert(self, request: HttpRequest, obj: Any, version: Any) -> None:
        raise NotImplementedError  # overridden by model admins whose objects can be reverted

    def _can_revert(self) -> bool:
        return type(self).history_revert is not HistoryAdminMixin.history_revert

    def _history_object(self, request: HttpRequest, object_id: str) -> Any:
        obj = self.get_object(request, object_id)  # type: ignore[attr-defined]
        if obj is None or not self.has_view_or_change_permission(request, obj):  # type: ignore[attr-defined]
            raise PermissionDenied
        return obj

    def _context(self, request: HttpRequest, obj: Any, **extra: Any) -> dict[str, Any]:
        opts = self.model._meta
        return {
            **self.admin_site.each_context(request),
            "opts": opts,
            "object": obj,
            "app_label": opts.app_label,
            "can_revert": self._can_revert() and self.has_change_permission(request, obj),  # type: ignore[attr-defined]
            **extra,
        }

    def history_view(self, request: HttpRequest, object_id: str, extra_context: dict | None = None) -> HttpResponse:
        obj = self._history_object(request, object_id)
        versions = list(history_selectors.versions_list(instance=obj)[: VERSIONS_SHOWN + 1])
        rows = [
            {
                "version": version,
                "changes": history_selectors.versions_diff(model=self.model, old=older, new=version),
            }
            for version, older in zip(versions, [*versions[1:], None], strict=True)
        ][:VERSIONS_SHOWN]
        context = self._context(request, obj, title=_("History: %s") % obj, rows=rows, **(extra_context or {}))
        return TemplateResponse(request, "admin/content/history/versions.html", context)

    def get_urls(self) -> list:
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        urls = [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.history_compare_view),
                name=f"{name}_history_compare",
            ),
            path(
                "<path:object_id>/history/<int:history_id>/revert/",
                self.admin_site.admin_view(self.history_revert_view),
                name=f"{name}_history_revert",
            ),
        ]
        return [*urls, *super().get_urls()]  # type: ignore[misc]

    def history_compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The field diff between two versions (``from`` and ``to``, history ids; ``to`` may be absent: now)."""
        obj = self._history_object(request, object_id)
        versions = history_selectors.versions_list(instance=obj)
        try:
            old = get_object_or_404(versions, history_id=int(request.GET.get("from", "")))
            new = get_object_or_404(versions, history_id=int(request.GET["to"])) if request.GET.get("to") else obj
        except ValueError:
            return HttpResponseRedirect(reverse(f"admin:{self._url_name()}_history", args=[obj.pk]))
        if new is not obj and new.history_date < old.history_date:
            old, new = new, old  # always older to newer
        changes = history_selectors.versions_diff(model=self.model, old=old, new=new)
        context = self._context(request, obj, title=_("Compare versions"), old=old, new=new, changes=changes)
        return TemplateResponse(request, "admin/content/history/compare.html", context)

    def history_revert_view(self, request: HttpRequest, object_id: str, history_id: int) -> HttpResponse:
        obj = self._history_object(request, object_id)
        if not self._can_revert() or not self.has_change_permission(request, obj):  # type: ignore[attr-defined]
            raise PermissionDenied
        version = get_object_or_404(history_selectors.versions_list(instance=obj), history_id=history_id)
        history_url = reverse(f"admin:{self._url_name()}_history", args=[obj.pk])
        if request.method == "POST":
            try:
                self.history_revert(request, obj, version)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)  # type: ignore[attr-defined]
                return HttpResponseRedirect(history_url)
            self.message_user(request, _("Reverted: the old version is now the newest."), messages.SUCCESS)  # type: ignore[attr-defined]
            return HttpResponseRedirect(history_url)
        names = history_services.REVERT_FIELDS[self.model]
        changes = history_selectors.versions_diff(model=self.model, old=obj, new=version, names=names)
        context = self._context(request, obj, title=_("Revert to this version?"), version=version, changes=changes)
        return TemplateResponse(request, "admin/content/history/revert.html", context)

    def _url_name(self) -> str:
        return f"{self.model._meta.app_label}_{self.model._meta.model_name}"


class ArticleVersionForm(forms.ModelForm):
    """Carries the version the form was loaded with; a change form started from an older one fails
    validation with the other editor's changes and keeps what was typed."""

    # The autosave script's words travel on this field, so they are translated as the page is.
    edit_version = forms.IntegerField(
        widget=forms.HiddenInput(
            attrs={
                "data-autosave-found": gettext_lazy("Text you had not saved (from %s) is kept in this browser."),
                "data-autosave-restore": gettext_lazy("Restore it"),
                "data-autosave-discard": gettext_lazy("Discard it"),
            }
        ),
        min_value=1,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["edit_version"].required = True
            self.fields["edit_version"].initial = self.instance.version

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        version = self.cleaned_data.get("edit_version")
        if self.instance.pk is None or version is None:
            return cleaned
        try:
            # Locked until the admin's transaction commits, so the save after this check is safe.
            services.article_version_lock(article_id=self.instance.pk, expected_version=version)
        except services.ArticleEditConflict as conflict:
            changes = history_selectors.article_changes_since(article_id=self.instance.pk, version=version)
            # The next save is a deliberate one, made with the other editor's changes in view.
            self.data = cast(QueryDict, self.data).copy()
            self.data[self.add_prefix("edit_version")] = str(conflict.current_version)
            message = render_to_string("admin/content/history/conflict.html", {"changes": changes})
            raise ValidationError(mark_safe(message), code=conflict.code) from None  # noqa: S308 - escaped by the template
        return cleaned


class ArticleLockAdminMixin:
    """For the article ModelAdmin: the version field in its form, and the autosave script."""

    form: type[forms.ModelForm]

    @property
    def media(self) -> forms.Media:
        # A property, not a Media class: the model admin's own Media class would hide a mixin's.
        return super().media + forms.Media(js=["content/autosave.js"], css={"all": ["content/history.css"]})  # type: ignore[misc]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        kwargs.setdefault("form", type(self.form.__name__, (ArticleVersionForm, self.form), {}))
        return super().get_form(request, obj, change, **kwargs)  # type: ignore[misc]

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = list(super().get_fieldsets(request, obj))  # type: ignore[misc]
        if not fieldsets:
            return fieldsets
        name, options = fieldsets[0]
        return [(name, {**options, "fields": (*options["fields"], "edit_version")}), *fieldsets[1:]]
