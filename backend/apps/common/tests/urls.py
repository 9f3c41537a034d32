"""The project's URLs plus views that fail on purpose, for the error-shape tests."""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.exceptions import ApplicationError, RateLimited
from config.urls import urlpatterns as project_urlpatterns


class ExplodingApi(APIView):
    permission_classes = (AllowAny,)

    def get(self, request):
        raise RuntimeError("database password is hunter2")


class DomainErrorApi(APIView):
    permission_classes = (AllowAny,)

    def get(self, request):
        raise ApplicationError(code="export_in_progress", detail="An export is already running.", status_code=409)


class RateLimitedApi(APIView):
    permission_classes = (AllowAny,)

    def get(self, request):
        raise RateLimited(detail="Too many tries.", retry_after=int(request.GET["wait"]))


class EchoApi(APIView):
    permission_classes = (AllowAny,)

    def post(self, request):
        return Response(request.data)


def exploding_django_view(request: HttpRequest) -> HttpResponse:
    """A plain Django view, outside DRF and its exception handler."""
    raise RuntimeError("the template engine broke")


urlpatterns = [
    path("plain/explode/", exploding_django_view),
    path("api/v1/test/explode/", ExplodingApi.as_view()),
    path("api/v1/test/domain-error/", DomainErrorApi.as_view()),
    path("api/v1/test/rate-limited/", RateLimitedApi.as_view()),
    path("api/v1/test/echo/", EchoApi.as_view()),
    *project_urlpatterns,
]
