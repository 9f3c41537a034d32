"""Registering an address that another request registers at the same moment.

The answer must be the one a taken address gets (201, an email to the owner), never a
400 naming the address nor a 500, whichever step the other request wins at.
"""

import threading
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from rest_framework.test import APIClient

from apps.accounts import selectors
from apps.accounts.models import User
from apps.accounts.services import registration
from apps.accounts.tests.apis.auth import REGISTER, STRONG_PASSWORD
from apps.accounts.tests.factories import UserFactory

ADDRESS = "race@example.com"
# Two connections writing at once: SQLite (embedded defaults) answers "database is locked".
concurrent_writers = pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")


def register(client=None):
    return (client or APIClient()).post(REGISTER, {"email": ADDRESS, "password": STRONG_PASSWORD})


@pytest.mark.django_db
def test_the_other_registration_commits_between_lookup_and_insert(django_capture_on_commit_callbacks):
    """create_user's full_clean then finds the address taken (its unique check)."""
    owner: list[User] = []

    def lookup_then_lose_the_race(*, email):
        found = selectors.user_find_by_email(email=email)
        if not owner:
            owner.append(UserFactory(email=ADDRESS))
        return found

    with (
        mock.patch.object(registration, "user_find_by_email", side_effect=lookup_then_lose_the_race),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = register()

    assert response.status_code == 201, response.content
    assert list(User.objects.values_list("pk", flat=True)) == [owner[0].pk]
    assert [message.to for message in mail.outbox] == [[ADDRESS]]
    assert "/verify-email?token=" not in mail.outbox[0].body


def commit_elsewhere(email: str) -> User:
    """Creates a user on another connection, committed at once, as a concurrent request would."""
    created: list[User] = []

    def create():
        try:
            created.append(UserFactory(email=email))
        finally:
            connection.close()

    thread = threading.Thread(target=create)
    thread.start()
    thread.join()
    return created[0]


@concurrent_writers
@pytest.mark.django_db(transaction=True)
def test_the_other_registration_commits_between_validation_and_insert(django_capture_on_commit_callbacks):
    """The insert itself hits the unique index: an IntegrityError, once a 500."""
    validate = User.full_clean
    owner: list[User] = []

    def validate_then_lose_the_race(self, *args, **kwargs):
        validate(self, *args, **kwargs)
        if not owner:
            owner.append(commit_elsewhere(self.email))

    with (
        mock.patch.object(User, "full_clean", validate_then_lose_the_race),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = register()

    assert response.status_code == 201, response.content
    assert list(User.objects.values_list("pk", flat=True)) == [owner[0].pk]
    assert [message.to for message in mail.outbox] == [[ADDRESS]]


@pytest.mark.django_db
def test_other_validation_errors_still_surface():
    refused = ValidationError({"first_name": "bad"})
    with mock.patch.object(User, "full_clean", side_effect=refused), pytest.raises(ValidationError):
        registration.user_register(email=ADDRESS, password=STRONG_PASSWORD, first_name="", last_name="")


@concurrent_writers
@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_of_one_address_all_get_201():
    barrier = threading.Barrier(6)
    statuses: list[int] = []

    def attempt():
        try:
            client = APIClient()
            barrier.wait()
            statuses.append(register(client).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [201] * 6
    assert User.objects.filter(email=ADDRESS).count() == 1
