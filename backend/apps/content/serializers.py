"""Output shapes of the public content API (shared by list and detail)."""

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from apps.accounts.models import User
from apps.common.openapi import ProblemSerializer
from apps.content.markdown import body_words, reading_minutes
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
    # The tags the selectors prefetch (selectors._for_reading).
    tags = TagSerializer(many=True, source="tag_items")
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


@extend_schema_serializer(component_name="ArticleDetail")
class ArticleDetailSerializer(ArticleListSerializer):
    reading_minutes = serializers.SerializerMethodField()
    meta_title = serializers.CharField(help_text="For search results and shared links; empty: use the title")
    meta_description = serializers.CharField(help_text="For search results and shared links; empty: use the summary")
    social_image_url = serializers.SerializerMethodField()

    class Meta(ArticleListSerializer.Meta):
        fields = [
            *ArticleListSerializer.Meta.fields,
            *("body_html", "reading_minutes", "updated_at", "meta_title", "meta_description", "social_image_url"),
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.IntegerField(min_value=0, help_text="Minutes to read the body (0 when empty)"))
    def get_reading_minutes(self, article: Article) -> int:
        return reading_minutes(words=body_words(html=article.body_html))

    @extend_schema_field(
        serializers.URLField(allow_null=True, help_text="The picture for shared links; null: use the cover")
    )
    def get_social_image_url(self, article: Article) -> str | None:
        return article.social_image.url if article.social_image else None


@extend_schema_serializer(component_name="ArticleMoved")
class ArticleMovedSerializer(ProblemSerializer):
    """The 301 problem of an article's old address (its slug changed after it was published)."""

    slug = serializers.SlugField(help_text="The article's current slug; Location has its URL")


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


@extend_schema_serializer(component_name="ArticleWorkflowState")
class ArticleWorkflowSerializer(serializers.ModelSerializer):
    """Where an article stands in the editorial workflow, after a transition."""

    class Meta:
        model = Article
        fields = ["slug", "status", "publish_at", "unpublish_at", "review_note"]
        read_only_fields = fields
