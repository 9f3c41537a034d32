"""Shapes shared by several account APIs."""

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.accounts.models import User


@extend_schema_field(OpenApiTypes.STR)
class LanguageField(serializers.ChoiceField):
    """A code of settings.LANGUAGES. A plain string in the OpenAPI schema, not an enum: the
    languages are a template answer, and the committed schema and client must be the same
    for every answer (docs/template.md)."""

    def __init__(self, **kwargs):
        super().__init__(choices=settings.LANGUAGES, **kwargs)


class AvatarSerializer(serializers.Serializer):
    url = serializers.URLField()
    thumbnail_url = serializers.URLField(allow_null=True)


class UserSerializer(serializers.Serializer):
    # Declared rather than a ModelSerializer: these fields are the API contract (openapi.yaml),
    # so a column added to the model does not appear in every response that shows a user.
    id = serializers.IntegerField(read_only=True)
    email = serializers.EmailField(read_only=True, label="Email address")
    first_name = serializers.CharField(read_only=True)
    last_name = serializers.CharField(read_only=True)
    is_email_verified = serializers.BooleanField(read_only=True, label="Email verified")
    date_joined = serializers.DateTimeField(read_only=True)
    has_password = serializers.BooleanField(
        source="has_usable_password",
        read_only=True,
        help_text="False when the account has no usable password (it was created without one): there is "
        "no password to confirm deletion with or to change, and one can be set through the emailed "
        "password reset.",
    )
    avatar = serializers.SerializerMethodField()
    language = LanguageField(
        read_only=True,
        help_text="The language of the emails the account receives, one of the site's language codes; "
        "PATCH /users/me/ changes it.",
    )

    @extend_schema_field(AvatarSerializer(allow_null=True))
    def get_avatar(self, user: User) -> dict | None:
        if not user.avatar:
            return None
        return {
            "url": user.avatar.url,
            "thumbnail_url": user.avatar_thumbnail.url if user.avatar_thumbnail else None,
        }
