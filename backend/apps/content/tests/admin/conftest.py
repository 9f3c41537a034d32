"""Logged-in admin clients of the newsroom's roles (the accounts are in ../conftest.py)."""

import pytest
from django.test import Client


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor) -> Client:
    return _client(editor)


@pytest.fixture
def author_client(author) -> Client:
    return _client(author)


@pytest.fixture
def moderator_client(moderator) -> Client:
    return _client(moderator)
