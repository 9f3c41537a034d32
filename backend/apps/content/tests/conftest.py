"""The newsroom's roles (migration 0011), as accounts, for every content test."""

import pytest

from apps.content.tests.factories import role_user


@pytest.fixture
def editor():
    return role_user("Editors")


@pytest.fixture
def author():
    return role_user("Authors")


@pytest.fixture
def moderator():
    return role_user("Moderators")
