"""Upload and avatar endpoints. Thin: parse, call one service, serialise."""

import uuid

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from apps.accounts.serializers import UserSerializer
from apps.common.auth import signed_in_user
from apps.common.exceptions import PayloadTooLarge
from apps.common.openapi import problem_responses
from apps.uploads import selectors, services
from apps.uploads.images import ACCEPTED_CONTENT_TYPES
from apps.uploads.models import Upload

# Room for the multipart boundaries and the form fields around the file.
_MULTIPART_OVERHEAD_BYTES = 64 * 1024


class UploadStartApi(APIView):
    """Starts an upload: returns the form (url and fields) the browser posts the file to."""

    permission_classes = (IsAuthenticated,)
    throttle_classes = (ScopedRateThrottle, UserRateThrottle)
    throttle_scope = "uploads"

    class UploadStartInput(serializers.Serializer):
        # Avatars only: article images are uploaded from the admin (apps/uploads/admin_apis.py).
        purpose = serializers.ChoiceField(choices=[(Upload.Purpose.AVATAR.value, Upload.Purpose.AVATAR.label)])
        filename = serializers.CharField(max_length=255)
        content_type = serializers.CharField(max_length=64, help_text=", ".join(sorted(ACCEPTED_CONTENT_TYPES)))
        size = serializers.IntegerField(min_value=1, help_text="Bytes")

    class UploadTargetSerializer(serializers.Serializer):
        url = serializers.CharField(help_text="Absolute (S3) or same-origin (local storage) URL")
        # The form's "fields" (the contract's name), not Serializer.fields.
        fields = serializers.DictField(  # type: ignore[assignment]
            child=serializers.CharField(), help_text="Form fields to send before the file, in this order"
        )

    @extend_schema(
        request=UploadStartInput,
        responses={
            201: inline_serializer(
                "UploadStart",
                {"id": serializers.UUIDField(), "upload": UploadTargetSerializer()},
            ),
            **problem_responses(400, 401, 413, 415, 429),
        },
    )
    def post(self, request: Request) -> Response:
        serializer = self.UploadStartInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = services.upload_start(user=signed_in_user(request), **serializer.validated_data)
        target = services.upload_target(upload=upload)
        # The form fields go out verbatim: S3 and the local endpoint expect these exact names.
        return Response(
            {"id": upload.pk, "upload": {"url": target["url"], "fields": target["fields"]}},
            status=status.HTTP_201_CREATED,
        )


class UploadContentApi(APIView):
    """Local-storage stand-in for S3's form POST (embedded defaults only; 404 when S3 is on).

    Authorised by the signed ``signature`` field from the start response, like a presigned S3 form.
    """

    authentication_classes = ()
    permission_classes = (AllowAny,)
    parser_classes = (MultiPartParser,)

    @extend_schema(
        request={
            "multipart/form-data": inline_serializer(
                "UploadContent",
                {
                    "key": serializers.CharField(),
                    "Content-Type": serializers.CharField(),
                    "signature": serializers.CharField(),
                    "file": serializers.FileField(),
                },
            )
        },
        responses={204: OpenApiResponse(description="Stored"), **problem_responses(400, 403, 404, 413, 415)},
    )
    def post(self, request: Request, upload_id: uuid.UUID) -> Response:
        if settings.USE_S3:
            raise Http404("Uploads go to S3.")
        # Refuse an oversized body before parsing it into a temporary file.
        if int(request.META.get("CONTENT_LENGTH") or 0) > settings.UPLOADS_MAX_BYTES + _MULTIPART_OVERHEAD_BYTES:
            raise PayloadTooLarge()
        file = request.FILES.get("file")
        if file is None:
            raise serializers.ValidationError({"file": [serializers.ErrorDetail(_("Send the file."), code="required")]})
        form = request.POST  # multipart: a QueryDict, never a list
        services.upload_content_store(
            upload_id=upload_id,
            signature=form.get("signature", ""),
            content_type=form.get("Content-Type", ""),
            file=file,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class UploadFinishApi(APIView):
    """Checks the uploaded file (present, announced size, real image type) and marks it ready."""

    permission_classes = (IsAuthenticated,)

    class UploadStatusSerializer(serializers.Serializer):
        id = serializers.UUIDField()
        status = serializers.ChoiceField(choices=Upload.Status.choices)

    @extend_schema(request=None, responses={200: UploadStatusSerializer, **problem_responses(400, 401, 404, 413, 415)})
    def post(self, request: Request, upload_id: uuid.UUID) -> Response:
        upload = services.upload_finish(upload_id=upload_id, user=signed_in_user(request))
        return Response(self.UploadStatusSerializer(upload).data)


class AvatarApi(APIView):
    """Sets the signed-in user's avatar from a finished upload, or removes it."""

    permission_classes = (IsAuthenticated,)

    class AvatarInput(serializers.Serializer):
        upload_id = serializers.UUIDField()

    @extend_schema(request=AvatarInput, responses={200: UserSerializer, **problem_responses(400, 401, 413, 415)})
    def put(self, request: Request) -> Response:
        serializer = self.AvatarInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.avatar_set(user=signed_in_user(request), upload_id=serializer.validated_data["upload_id"])
        return Response(UserSerializer(user).data)

    @extend_schema(
        request=None, responses={204: OpenApiResponse(description="Avatar removed"), **problem_responses(401)}
    )
    def delete(self, request: Request) -> Response:
        services.avatar_delete(user=signed_in_user(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ArticleImageApi(APIView):
    """The stable address of a media-library image, as article bodies link to it: a redirect to a
    fresh URL of its file (presigned on S3), which bodies cannot store because it expires."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        responses={302: OpenApiResponse(description="To the image file"), **problem_responses(404)},
    )
    def get(self, request: Request, image_id: uuid.UUID) -> HttpResponseRedirect:
        image = selectors.article_image_get(image_id=image_id)
        response = HttpResponseRedirect(image.file.url)
        # A presigned URL is reused for half its lifetime (MediaS3Storage), so it stays valid for at
        # least that long after we hand it out: a quarter is a safe time for browsers to keep it.
        response["Cache-Control"] = f"public, max-age={max(60, settings.AWS_QUERYSTRING_EXPIRE // 4)}"
        return response
