"""Editors and their logged-in admin client, for every admin test."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from apps.accounts.tests.factories import UserFactory


@pytest.fixture
def editor():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client
