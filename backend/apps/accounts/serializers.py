"""Shapes shared by several account APIs."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.accounts.models import User


class AvatarSerializer(serializers.Serializer):
    url = serializers.URLField()
    thumbnail_url = serializers.URLField(allow_null=True)


class UserSerializer(serializers.ModelSerializer):
    avatar = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "email", "first_name", "last_name", "is_email_verified", "date_joined", "avatar"]
        read_only_fields = fields

    @extend_schema_field(AvatarSerializer(allow_null=True))
    def get_avatar(self, user: User) -> dict | None:
        if not user.avatar:
            return None
        return {
            "url": user.avatar.url,
            "thumbnail_url": user.avatar_thumbnail.url if user.avatar_thumbnail else None,
        }
