"""Public content API. Reads are open; anonymous GETs come from the shared cache (caching.py)."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle
from rest_framework.views import APIView

from apps.common.auth import signed_in_user
from apps.common.exceptions import PROBLEM_CONTENT_TYPE
from apps.common.openapi import problem_responses
from apps.common.pagination import PAGE_QUERY_PARAMS, PageNumberPagination
from apps.common.validators import VisibleTextValidator
from apps.content import selectors, services
from apps.content.caching import AnonymousResponseCacheMixin
from apps.content.filters import ARTICLE_FILTER_PARAMS, MAX_ID
from apps.content.pagination import ArticleListPagination
from apps.content.serializers import (
    ArticleDetailSerializer,
    ArticleListSerializer,
    ArticleMovedSerializer,
    ArticleWorkflowSerializer,
    CommentSerializer,
    TagSerializer,
)
from apps.content.services import workflow

# Plain APIViews get no pagination parameters from drf-spectacular; these document them.
_PAGE_PARAMETERS = [
    OpenApiParameter("page", {"type": "integer", "minimum": 1}, description="Page number, from 1"),
    OpenApiParameter(
        "pageSize", {"type": "integer", "minimum": 1}, description="Items per page (at most 100; more is cut to 100)"
    ),
]


class CommentInput(serializers.Serializer):
    body = serializers.CharField(
        max_length=5000, trim_whitespace=False, validators=[VisibleTextValidator(multiline=True)]
    )

    def validate_body(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError(_("Write something first."), code="blank")
        return value


class ArticleTransitionInput(serializers.Serializer):
    action = serializers.ChoiceField(choices=list(workflow.TRANSITIONS))
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000, help_text="For request_changes")
    publish_at = serializers.DateTimeField(required=False, help_text="For schedule: a future time")
    unpublish_at = serializers.DateTimeField(required=False, allow_null=True, help_text="For schedule: the expiry")

    def validate(self, attrs: dict) -> dict:
        if attrs["action"] == "schedule" and "publish_at" not in attrs:
            raise serializers.ValidationError({"publish_at": _("Set when the article should go live.")})
        return attrs


class ArticleTransitionApi(APIView):
    """Moves an article through the editorial workflow (docs/editors.md); the same services as the admin.

    403 when the signed-in user may not make this transition, 409 when the article's state does not allow it.
    """

    permission_classes = (IsAuthenticated,)

    @extend_schema(
        operation_id="articles_transition",
        request=ArticleTransitionInput,
        responses={200: ArticleWorkflowSerializer, **problem_responses(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, slug: str) -> Response:
        serializer = ArticleTransitionInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        article = selectors.article_get_for_workflow(slug=slug, user=signed_in_user(request))
        action = data.pop("action")
        if action == "request_changes":
            data.setdefault("note", "")
        else:
            data.pop("note", None)
        if action != "schedule":
            data.pop("publish_at", None)
            data.pop("unpublish_at", None)
        article = workflow.TRANSITIONS[action](article=article, by=signed_in_user(request), **data)
        return Response(ArticleWorkflowSerializer(article).data)


class ArticleListApi(AnonymousResponseCacheMixin, APIView):
    """Published articles, newest first."""

    permission_classes = (AllowAny,)
    pagination_class = ArticleListPagination
    query_params = {**PAGE_QUERY_PARAMS, **ARTICLE_FILTER_PARAMS}

    @extend_schema(
        operation_id="articles_list",
        parameters=[
            *_PAGE_PARAMETERS,
            OpenApiParameter("tag", OpenApiTypes.STR, description="Only articles with this tag slug"),
            OpenApiParameter(
                "author",
                {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                description="Only articles by this user id",
            ),
            OpenApiParameter("search", OpenApiTypes.STR, description="Full-text search in title, summary and body"),
            OpenApiParameter("ordering", OpenApiTypes.STR, enum=["publishedAt", "-publishedAt"]),
        ],
        responses={200: ArticleListSerializer(many=True), **problem_responses(400, 404)},
    )
    def get(self, request: Request) -> Response:
        articles = selectors.article_list(filters=request.query_params)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(articles, request, view=self)
        return paginator.get_paginated_response(ArticleListSerializer(page, many=True).data)


class ArticleDetailApi(AnonymousResponseCacheMixin, APIView):
    """One published article with its rendered body. Drafts and future articles are 404 except for staff.

    An old address (the article's slug changed after it was published) answers 301 with the
    current address in Location and the current slug in the problem document.
    """

    permission_classes = (AllowAny,)

    @extend_schema(
        responses={
            200: ArticleDetailSerializer,
            (301, PROBLEM_CONTENT_TYPE): OpenApiResponse(ArticleMovedSerializer, description="An old address"),
            **problem_responses(400, 404),
        }
    )
    def get(self, request: Request, slug: str) -> Response:
        article = selectors.article_get_for_reader(slug=slug, user=signed_in_user(request))
        return Response(ArticleDetailSerializer(article).data)


class ArticlePreviewApi(APIView):
    """One article whatever its status, for the holder of its preview token (the site's draft mode).

    The token travels in a header, not the URL, so it stays out of access logs; the answer is
    never cached (no AnonymousResponseCacheMixin, and ``Cache-Control: private, no-store``).
    """

    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="articles_preview",
        parameters=[
            OpenApiParameter(
                "X-Preview-Token",
                OpenApiTypes.STR,
                location=OpenApiParameter.HEADER,
                required=True,
                description="A preview token minted by the admin's 'Preview on site' (valid for minutes)",
            )
        ],
        responses={200: ArticleDetailSerializer, **problem_responses(403, 404)},
    )
    def get(self, request: Request, slug: str) -> Response:
        token = request.headers.get("X-Preview-Token", "")
        article = selectors.article_get_for_preview(slug=slug, token=token)
        return Response(ArticleDetailSerializer(article).data, headers={"Cache-Control": "private, no-store"})


class TagListApi(AnonymousResponseCacheMixin, APIView):
    """Every tag, by name."""

    permission_classes = (AllowAny,)

    @extend_schema(operation_id="tags_list", responses={200: TagSerializer(many=True), **problem_responses(400)})
    def get(self, request: Request) -> Response:
        return Response(TagSerializer(selectors.tag_list(), many=True).data)


class ArticleCommentsApi(AnonymousResponseCacheMixin, APIView):
    """Visible comments of a published article, oldest first; verified users may add one."""

    pagination_class = PageNumberPagination
    query_params = PAGE_QUERY_PARAMS

    def get_permissions(self) -> list[BasePermission]:
        return [IsAuthenticated()] if self.request.method == "POST" else [AllowAny()]

    def get_throttles(self) -> list[BaseThrottle]:
        throttles = super().get_throttles()
        if self.request.method == "POST":
            self.throttle_scope = "comments"
            throttles.append(ScopedRateThrottle())
        return throttles

    @extend_schema(
        operation_id="articles_comments_list",
        parameters=_PAGE_PARAMETERS,
        responses={200: CommentSerializer(many=True), **problem_responses(400, 404)},
    )
    def get(self, request: Request, slug: str) -> Response:
        comments = selectors.comment_list(article=selectors.article_get_live(slug=slug))
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(comments, request, view=self)
        return paginator.get_paginated_response(CommentSerializer(page, many=True).data)

    @extend_schema(request=CommentInput, responses={201: CommentSerializer, **problem_responses(400, 401, 403, 404)})
    def post(self, request: Request, slug: str) -> Response:
        serializer = CommentInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        article = selectors.article_get_live(slug=slug)
        comment = services.comment_create(article=article, author=signed_in_user(request), **serializer.validated_data)
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


class CommentDetailApi(APIView):
    """The author edits or deletes their own comment."""

    permission_classes = (IsAuthenticated,)

    @extend_schema(request=CommentInput, responses={200: CommentSerializer, **problem_responses(400, 401, 403)})
    def patch(self, request: Request, comment_id: int) -> Response:
        # Partial, as PATCH is and as the schema says (drf-spectacular documents PATCH bodies so):
        # without a body the comment is answered unchanged.
        serializer = CommentInput(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        comment = selectors.comment_get_visible(comment_id=comment_id)
        comment = services.comment_update(comment=comment, user=signed_in_user(request), **serializer.validated_data)
        return Response(CommentSerializer(comment).data)

    @extend_schema(responses={204: OpenApiResponse(description="Deleted"), **problem_responses(401, 403)})
    def delete(self, request: Request, comment_id: int) -> Response:
        comment = selectors.comment_get_visible(comment_id=comment_id)
        services.comment_delete(comment=comment, user=signed_in_user(request))
        return Response(status=status.HTTP_204_NO_CONTENT)
