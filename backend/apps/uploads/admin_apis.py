"""The admin editor's image endpoints: start an upload, finish it into the media library with its
alt text, and search the library. Staff session with CSRF token, not the API's bearer token: the
admin's pages have no access token. Errors are the API's problem documents. docs/media.md#article-images.
"""

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from apps.common.auth import signed_in_user
from apps.uploads import image_services, selectors, services
from apps.uploads.images import ACCEPTED_CONTENT_TYPES
from apps.uploads.models import ArticleImage

LIBRARY_PAGE_SIZE = 24


class MayWriteArticles(BasePermission):
    """Staff who may write articles (Authors, Editors, administrators): they may add images to them."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return bool(
            user
            and user.is_active
            and user.is_staff
            and (user.has_perm("content.add_article") or user.has_perm("content.change_article"))
        )


class AdminSessionApi(APIView):
    authentication_classes = (SessionAuthentication,)  # enforces the CSRF token
    permission_classes = (MayWriteArticles,)


def library_item(image: ArticleImage) -> dict[str, Any]:
    return {
        "id": image.pk,
        # The stable address bodies link to (a redirect to the file), never the expiring file URL.
        "url": reverse("api:uploads:article-image", kwargs={"image_id": image.pk}),
        "thumbnail_url": (image.thumbnail or image.file).url,
        "alt_text": image.alt_text,
        "width": image.width,
        "height": image.height,
    }


@extend_schema(exclude=True)  # the admin's, not the public API's
class ArticleImageUploadApi(AdminSessionApi):
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "article_images"

    class UploadInput(serializers.Serializer):
        filename = serializers.CharField(max_length=255)
        content_type = serializers.CharField(max_length=64, help_text=", ".join(sorted(ACCEPTED_CONTENT_TYPES)))
        size = serializers.IntegerField(min_value=1)

    def post(self, request: Request) -> Response:
        serializer = self.UploadInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = image_services.article_image_start(user=signed_in_user(request), **serializer.validated_data)
        target = services.upload_target(upload=upload)
        return Response(
            {"id": upload.pk, "upload": {"url": target["url"], "fields": target["fields"]}},
            status=status.HTTP_201_CREATED,
        )


@extend_schema(exclude=True)
class ArticleImageFinishApi(AdminSessionApi):
    class FinishInput(serializers.Serializer):
        upload_id = serializers.UUIDField()
        alt_text = serializers.CharField(max_length=300, allow_blank=True)

    def post(self, request: Request) -> Response:
        serializer = self.FinishInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        image = image_services.article_image_create(user=signed_in_user(request), **serializer.validated_data)
        return Response(library_item(image), status=status.HTTP_201_CREATED)


@extend_schema(exclude=True)
class ArticleImageLibraryApi(AdminSessionApi):
    def get(self, request: Request) -> Response:
        query = str(request.query_params.get("q", ""))[:100]
        images = selectors.article_images_search(query=query)[:LIBRARY_PAGE_SIZE]
        return Response({"results": [library_item(image) for image in images]})
