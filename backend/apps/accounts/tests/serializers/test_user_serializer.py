"""The user shape on the wire, byte for byte: what every client of /users/me/ and login reads."""

import pytest
from django.core.files.base import ContentFile
from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from rest_framework import serializers

from apps.accounts.serializers import UserSerializer

pytestmark = pytest.mark.django_db


def rendered(data: dict) -> bytes:
    return CamelCaseJSONRenderer().render(data)


@pytest.mark.parametrize("with_password", [True, False])
@pytest.mark.parametrize("with_avatar", [False, True])
def test_the_user_renders_exactly_as_the_api_contract_says(user, with_avatar, with_password):
    if with_avatar:
        user.avatar.save("a.png", ContentFile(b"png"), save=False)
        user.avatar_thumbnail.save("t.png", ContentFile(b"png"), save=True)
    if not with_password:
        user.set_unusable_password()
    # The representation, field by field and in this order, that the API answers (language: issue 20).
    expected = {
        "id": user.pk,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_email_verified": user.is_email_verified,
        "date_joined": serializers.DateTimeField().to_representation(user.date_joined),
        "has_password": with_password,
        "avatar": {"url": user.avatar.url, "thumbnail_url": user.avatar_thumbnail.url} if with_avatar else None,
        "language": user.language,
    }

    assert rendered(UserSerializer(user).data) == rendered(expected)
