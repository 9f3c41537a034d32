from collections.abc import Callable

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.defaults import bad_request as django_bad_request
from django.views.defaults import page_not_found as django_page_not_found
from django.views.defaults import permission_denied as django_permission_denied
from django.views.defaults import server_error as django_server_error
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from apps.accounts.forms import AdminLoginForm
from apps.common.apis import HealthApi, ReadinessApi
from apps.common.exceptions import problem_response
from apps.common.metrics import metrics_view


@csrf_exempt  # a 404 is the answer whatever the method; CSRF's HTML 403 must not come first
def api_not_found(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    return problem_response(request, status_code=404, code="not_found", detail=_("No API endpoint at this path."))


def api_docs(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """The schema and its UIs exist only while API_DOCS_PUBLIC is on (off in production by default)."""

    def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        if not settings.API_DOCS_PUBLIC:
            return api_not_found(request)
        return view(request, *args, **kwargs)

    return guarded


# Swagger UI and Redoc style their widgets with inline styles (Redoc through styled-components),
# and Redoc's search runs in a worker made from a blob: allowed on these two pages only. Scripts
# stay this origin's files: the split view serves Swagger UI's start script as a file too.
_docs_csp = csp_update({"style-src": [UNSAFE_INLINE], "worker-src": ["blob:"]})


# Django's error handlers, for failures outside DRF views: the problem shape under /api/,
# Django's own pages (admin, the rest) elsewhere. 400 is mostly SuspiciousOperation, e.g. a
# Host header not in ALLOWED_HOSTS (so never call request.get_host() in here).
def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(request, status_code=400, code="bad_request", detail=_("The request is malformed."))
    return django_bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(
            request, status_code=403, code="permission_denied", detail=_("You do not have permission to do this.")
        )
    return django_permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(request, status_code=404, code="not_found", detail=_("Not found."))
    return django_page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(
            request,
            status_code=500,
            code="server_error",
            detail=_("Something went wrong on our side. Quote the request ID when you report it."),
        )
    return django_server_error(request)


admin.site.site_header = "Starter administration"
admin.site.site_title = "Starter admin"
# Wrong admin passwords count against the API login's limits (docs/auth.md#rate-limits).
admin.site.login_form = AdminLoginForm
# The same page with a row for the second factor that staff give when ADMIN_REQUIRE_2FA is on.
admin.site.login_template = "accounts/admin/login.html"

urlpatterns = [
    path("healthz", HealthApi.as_view(), name="healthz"),
    path("readyz", ReadinessApi.as_view(), name="readyz"),
    path("metrics", metrics_view, name="metrics"),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", api_docs(SpectacularAPIView.as_view()), name="schema"),
    path(
        "api/docs/",
        api_docs(
            _docs_csp(SpectacularSwaggerSplitView.as_view(url_name="schema", template_name="api_docs/swagger_ui.html"))
        ),
        name="swagger-ui",
    ),
    path(
        "api/redoc/",
        api_docs(_docs_csp(SpectacularRedocView.as_view(url_name="schema", template_name="api_docs/redoc.html"))),
        name="redoc",
    ),
    # The admin's language switch (unfold's SHOW_LANGUAGES posts to Django's set_language).
    path(f"{settings.ADMIN_URL}i18n/", include("django.conf.urls.i18n")),
    path(settings.ADMIN_URL, admin.site.urls),
    # Last: any other /api/ path is a 404 in the problem shape, DEBUG or not.
    re_path(r"^api/", api_not_found),
]

if settings.DEBUG and not settings.USE_S3:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler400 = bad_request
handler403 = permission_denied
handler404 = page_not_found
handler500 = server_error
