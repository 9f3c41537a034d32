"""Shapes shared by several account APIs."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.accounts.models import User
from apps.accounts.user_cache import user_has_usable_password

# DRF's own formatting (ISO 8601 in the active time zone), outside any serializer's fields.
_DATETIME = serializers.DateTimeField()


class AvatarSerializer(serializers.Serializer):
    url = serializers.URLField()
    thumbnail_url = serializers.URLField(allow_null=True)


class UserSerializer(serializers.Serializer):
    # Declared rather than a ModelSerializer: building fields from the model on every request
    # was a sixth of a /users/me/ request's time.
    id = serializers.IntegerField(read_only=True)
    email = serializers.EmailField(read_only=True, label="Email address")
    first_name = serializers.CharField(read_only=True)
    last_name = serializers.CharField(read_only=True)
    is_email_verified = serializers.BooleanField(read_only=True, label="Email verified")
    date_joined = serializers.DateTimeField(read_only=True)
    has_password = serializers.SerializerMethodField(
        help_text="False when the account has no usable password (it signs in only through a connected "
        "GitHub or Google account): there is no password to confirm deletion with or to change, and "
        "one can be set through the emailed password reset.",
    )
    avatar = serializers.SerializerMethodField()

    def to_representation(self, user: User) -> dict:
        # Written out instead of DRF's walk over the fields, which deep-copies every declared
        # field per serializer: a seventh of a /users/me/ request. A test holds it to the fields.
        return {
            "id": user.pk,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "is_email_verified": user.is_email_verified,
            "date_joined": _DATETIME.to_representation(user.date_joined),
            "has_password": self.get_has_password(user),
            "avatar": self.get_avatar(user),
        }

    def get_has_password(self, user: User) -> bool:
        return user_has_usable_password(user)

    @extend_schema_field(AvatarSerializer(allow_null=True))
    def get_avatar(self, user: User) -> dict | None:
        if not user.avatar:
            return None
        return {
            "url": user.avatar.url,
            "thumbnail_url": user.avatar_thumbnail.url if user.avatar_thumbnail else None,
        }
