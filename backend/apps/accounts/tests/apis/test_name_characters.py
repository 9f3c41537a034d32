"""Names shown to other users refuse control and direction-changing characters (issue 15, finding 9)."""

import pytest

from apps.accounts.models import User
from apps.accounts.tests.apis.auth import ME, REGISTER, STRONG_PASSWORD

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.mark.parametrize("character", ["\u202e", "\u2067", "\u200f", "\n", "\t", "\x07"])
@pytest.mark.parametrize("field", ["firstName", "lastName"])
def test_a_profile_name_with_a_control_or_format_character_is_refused(auth_client, user, field, character):
    response = auth_client.patch(ME, {field: f"Ada{character}ecalevoL"})

    assert response.status_code == 400, response.content
    error = response.json()["errors"][0]
    assert (error["field"], error["code"]) == (field, "invisible_character")
    user.refresh_from_db()
    assert "ecalevoL" not in user.first_name + user.last_name


@pytest.mark.parametrize("field", ["firstName", "lastName"])
def test_registration_refuses_such_a_name_too(api_client, field):
    response = api_client.post(REGISTER, {"email": "ada@example.com", "password": STRONG_PASSWORD, field: "Ada\u202e"})

    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == field
    assert not User.objects.filter(email="ada@example.com").exists()


def test_names_in_any_script_are_kept(auth_client):
    response = auth_client.patch(ME, {"firstName": "\u0645\u06cc\u200c\u0646\u0627", "lastName": "\u05db\u05d4\u05df"})

    assert response.status_code == 200, response.content
    assert response.json()["firstName"] == "\u0645\u06cc\u200c\u0646\u0627"
