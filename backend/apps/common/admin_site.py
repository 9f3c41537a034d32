"""The admin site: django-unfold's, with the project's name, logo, sidebar and dashboard (settings
``UNFOLD``, config/settings/admin.py) and the one relaxation of the site's CSP it needs.

Unfold's pages run Alpine.js, whose standard build evaluates its ``x-`` attributes with
``new Function`` ('unsafe-eval'), and style elements by inline ``style`` (the theme colours, Alpine's
``x-show``). Scripts stay this origin's files: no inline script runs. The article editor posts
images straight to the media bucket (connect-src) and shows a pasted image before it is uploaded
(img-src blob:). The relaxation applies to admin pages only (decision 0028-admin-theme-unfold).
"""

from collections.abc import Callable
from typing import Any

from csp.constants import UNSAFE_EVAL, UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponse
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


class NewsroomAdminSite(UnfoldAdminSite):
    # The newsroom's dashboard (apps/content/admin/dashboard.py fills it), in place of the app list.
    index_template = "admin/newsroom_dashboard.html"

    def admin_view(self, view: Callable[..., Any], cacheable: bool = False) -> Callable[..., Any]:
        return super().admin_view(_admin_csp(view), cacheable)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        # The login page is not an admin_view (it must be reachable signed out).
        return _admin_csp(super().login)(request, extra_context)


class NewsroomAdminConfig(AdminConfig):
    default_site = "apps.common.admin_site.NewsroomAdminSite"
