"""The admin site: django-unfold's, with the project's name, logo, sidebar and dashboard (settings
``UNFOLD``, config/settings/admin.py) and the one relaxation of the site's CSP it needs.

Unfold's pages run Alpine.js, whose standard build evaluates its ``x-`` attributes with
``new Function`` ('unsafe-eval'), and style elements by inline ``style`` (the theme colours, Alpine's
``x-show``). Scripts stay this origin's files: no inline script runs. The article editor posts
images straight to the media bucket (connect-src) and shows a pasted image before it is uploaded
(img-src blob:). The relaxation applies to admin pages only (decision 0028-admin-theme-unfold).
"""

from collections.abc import Callable
from typing import Any, cast

from csp.constants import UNSAFE_EVAL, UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from unfold.sites import UnfoldAdminSite

ADMIN_CSP = {
    "script-src": [UNSAFE_EVAL],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
    "connect-src": settings.MEDIA_ORIGINS,
}


def _admin_csp(view: Callable[..., Any]) -> Callable[..., Any]:
    # Both: the policy is enforced in production and tests, only reported with DEBUG.
    return csp_update(ADMIN_CSP)(csp_update(ADMIN_CSP, REPORT_ONLY=True)(view))


class SourceAnsweredAutocompleteJsonView(AutocompleteJsonView):
    """Django's autocomplete (the author and tag pickers, the autocomplete list filters), where the
    admin of the model being edited may answer for one of its own fields.

    Django asks the admin of the model the field points to: its list, its search fields, its
    labels (``str()``) and its view permission. For an article's author that is the user admin:
    emails as labels and in the search, and only for those who may see every account. A model
    admin that defines ``autocomplete_choices(request, field)`` answers instead, with an
    ``AutocompleteChoices`` or None for Django's way. Its own view permission then suffices.
    """

    def process_request(self, request: HttpRequest) -> Any:
        term, model_admin, source_field, to_field_name = super().process_request(request)
        site = cast(AdminSite, self.admin_site)
        self.source_admin = site._registry.get(source_field.model)
        answer = getattr(self.source_admin, "autocomplete_choices", None)
        self.choices: AutocompleteChoices | None = answer(request, source_field) if answer else None
        return term, model_admin, source_field, to_field_name

    def has_perm(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if self.choices is None or self.source_admin is None:
            return super().has_perm(request, obj)
        return self.source_admin.has_view_permission(request)

    def get_queryset(self) -> QuerySet:
        if self.choices is None:
            return super().get_queryset()
        queryset = self.choices.queryset
        for word in self.term.split():
            match = Q()
            for name in self.choices.search_fields:
                match |= Q(**{f"{name}__icontains": word})
            queryset = queryset.filter(match)
        return queryset

    def serialize_result(self, obj: Model, to_field_name: str) -> dict[str, str]:
        if self.choices is None:
            return super().serialize_result(obj, to_field_name)
        return {"id": str(getattr(obj, to_field_name)), "text": self.choices.label(obj)}


class AutocompleteChoices:
    """A model admin's answer for an autocomplete of one of its fields: what may be picked (in
    order), which fields a search matches, and how each choice is labelled."""

    def __init__(self, *, queryset: QuerySet, search_fields: tuple[str, ...], label: Callable[[Any], str]) -> None:
        self.queryset = queryset
        self.search_fields = search_fields
        self.label = label


class NewsroomAdminSite(UnfoldAdminSite):
    # The newsroom's dashboard (apps/content/admin/dashboard.py fills it), in place of the app list.
    index_template = "admin/newsroom_dashboard.html"

    def admin_view(self, view: Callable[..., Any], cacheable: bool = False) -> Callable[..., Any]:
        return super().admin_view(_admin_csp(view), cacheable)

    def autocomplete_view(self, request: HttpRequest) -> HttpResponseBase:
        return SourceAnsweredAutocompleteJsonView.as_view(admin_site=self)(request)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        # The login page is not an admin_view (it must be reachable signed out).
        return _admin_csp(super().login)(request, extra_context)


class NewsroomAdminConfig(AdminConfig):
    default_site = "apps.common.admin_site.NewsroomAdminSite"
