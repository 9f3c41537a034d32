"""An access token is refused once expired or when forged with `alg: none`."""

from datetime import timedelta

import jwt
import pytest
from freezegun import freeze_time

from apps.accounts.tests.apis.auth import ME, assert_problem, login

pytestmark = pytest.mark.django_db(transaction=False)


def test_access_token_expires_after_its_lifetime(api_client, user):
    access = login(api_client, user).json()["access"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")

    with freeze_time(timedelta(minutes=16)):
        assert_problem(api_client.get(ME), 401, "token_not_valid")


def test_alg_none_access_token_is_refused(api_client, user):
    access = login(api_client, user).json()["access"]
    forged = jwt.encode(jwt.decode(access, options={"verify_signature": False}), key=None, algorithm="none")
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {forged}")

    assert_problem(api_client.get(ME), 401, "token_not_valid")
