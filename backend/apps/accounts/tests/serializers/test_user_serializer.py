import pytest
from django.core.files.base import ContentFile
from rest_framework import serializers

from apps.accounts.serializers import UserSerializer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("with_password", [True, False])
@pytest.mark.parametrize("with_avatar", [False, True])
def test_the_written_out_representation_matches_the_declared_fields(user, with_avatar, with_password):
    if with_avatar:
        user.avatar.save("a.png", ContentFile(b"png"), save=False)
        user.avatar_thumbnail.save("t.png", ContentFile(b"png"), save=True)
    if not with_password:
        user.set_unusable_password()

    by_fields = serializers.Serializer.to_representation(UserSerializer(), user)

    assert UserSerializer(user).data == by_fields
    assert list(UserSerializer(user).data) == list(by_fields)
