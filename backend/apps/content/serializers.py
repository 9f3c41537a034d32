"""Output shapes of the public content API (shared by list and detail)."""

from datetime import datetime, tzinfo
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from apps.accounts.models import User, public_name
from apps.content.models import Article, Comment, Tag


@extend_schema_serializer(component_name="ArticleAuthor")
class ArticleAuthorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="public_name")


@extend_schema_serializer(component_name="Tag")
class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["slug", "name"]
        read_only_fields = fields


@extend_schema_serializer(component_name="CoverImage")
class CoverImageSerializer(serializers.Serializer):
    url = serializers.URLField()
    thumbnail_url = serializers.URLField(allow_null=True)


@extend_schema_serializer(component_name="ArticleListItem")
class ArticleListSerializer(serializers.ModelSerializer):
    author = ArticleAuthorSerializer(allow_null=True, help_text="null once the author's account is deleted")
    tags = TagSerializer(many=True, source="tag_list")  # the article's copy (models.py), no tag query
    cover_image = serializers.SerializerMethodField()
    comment_count = serializers.IntegerField(help_text="Visible comments")
    published_at = serializers.DateTimeField(source="publish_at", allow_null=True)

    class Meta:
        model = Article
        fields = ["slug", "title", "summary", "author", "tags", "cover_image", "comment_count", "published_at"]
        read_only_fields = fields

    @extend_schema_field(CoverImageSerializer(allow_null=True))
    def get_cover_image(self, article: Article) -> dict | None:
        if not article.cover_image:
            return None
        return {
            "url": article.cover_image.url,
            "thumbnail_url": article.cover_thumbnail.url if article.cover_thumbnail else None,
        }


def _iso8601(value: datetime, zone: tzinfo) -> str:
    """What DRF's DateTimeField sends (ISO 8601 in the active time zone, UTC as "Z"), with the
    zone looked up once per page instead of once per item."""
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def article_list_items(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``ArticleListSerializer``'s output as the API sends it (camelCase keys), built from
    ``selectors.article_list`` rows.

    The list page is the busiest uncached read; skipping model instances, DRF's per-field
    machinery (a ModelSerializer builds its fields from the model on every use) and the
    camelCase renderer's walk over every key makes it several times cheaper. A test holds
    this and the serializer identical.
    """
    # Bound once: the default storage is a lazy proxy, which costs a lookup per attribute access.
    url = Article._meta.get_field("cover_image").storage.url
    zone = timezone.get_current_timezone()
    return [
        {
            "slug": row["slug"],
            "title": row["title"],
            "summary": row["summary"],
            "author": (
                {
                    "id": row["author_id"],
                    "name": public_name(
                        first_name=row["author__first_name"],
                        last_name=row["author__last_name"],
                        user_id=row["author_id"],
                    ),
                }
                if row["author_id"] is not None
                else None
            ),
            "tags": [{"slug": tag["slug"], "name": tag["name"]} for tag in row["tag_list"]],
            "coverImage": (
                {
                    "url": url(row["cover_image"]),
                    "thumbnailUrl": url(row["cover_thumbnail"]) if row["cover_thumbnail"] else None,
                }
                if row["cover_image"]
                else None
            ),
            "commentCount": row["comment_count"],
            "publishedAt": _iso8601(row["publish_at"], zone) if row["publish_at"] else None,
        }
        for row in rows
    ]


def article_detail_item(row: dict[str, Any]) -> dict[str, Any]:
    """``ArticleDetailSerializer``'s output as the API sends it, from a
    ``selectors.article_detail_for_reader`` row: a list item plus the body and update time.
    A test holds this and the serializer identical."""
    return {
        **article_list_items([row])[0],
        "bodyHtml": row["body_html"],
        "updatedAt": _iso8601(row["updated_at"], timezone.get_current_timezone()),
    }


@extend_schema_serializer(component_name="ArticleDetail")
class ArticleDetailSerializer(ArticleListSerializer):
    class Meta(ArticleListSerializer.Meta):
        fields = [*ArticleListSerializer.Meta.fields, "body_html", "updated_at"]
        read_only_fields = fields


@extend_schema_serializer(component_name="CommentAuthor")
class CommentAuthorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="public_name")
    avatar_thumbnail_url = serializers.SerializerMethodField()

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_avatar_thumbnail_url(self, user: User) -> str | None:
        return user.avatar_thumbnail.url if user.avatar_thumbnail else None


@extend_schema_serializer(component_name="Comment")
class CommentSerializer(serializers.ModelSerializer):
    author = CommentAuthorSerializer()
    body = serializers.CharField(help_text="Plain text as typed; render it escaped")

    class Meta:
        model = Comment
        fields = ["id", "author", "body", "created_at", "edited_at"]
        read_only_fields = fields
