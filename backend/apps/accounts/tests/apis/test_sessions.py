"""The sessions list: every sign-in is a session; end one, end all others (users/me/sessions/)."""

import uuid

import pytest
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from apps.accounts.models import UserSession
from apps.accounts.tests.apis.auth import COOKIE, LOGOUT, REFRESH, assert_problem, login
from apps.accounts.tests.factories import FIREFOX_ON_LINUX, UserFactory

pytestmark = pytest.mark.django_db(transaction=False)

SESSIONS = reverse("api:users:sessions")
END_OTHERS = reverse("api:users:sessions-end-others")
SAFARI_ON_IOS = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


def session_detail(session_id) -> str:
    return reverse("api:users:session-detail", args=(session_id,))


def signed_in(user, *, user_agent=FIREFOX_ON_LINUX, ip="192.0.2.10") -> APIClient:
    """A device signed in to ``user``'s account: its refresh cookie set, its access token sent."""
    client = APIClient(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=ip)
    access = login(client, user).json()["access"]
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


def sid_of(client: APIClient) -> str:
    return AccessToken(client._credentials["HTTP_AUTHORIZATION"].split()[1])["sid"]


def test_the_list_shows_each_sign_in_with_its_device_and_marks_the_current_one(user):
    laptop = signed_in(user)
    phone = signed_in(user, user_agent=SAFARI_ON_IOS, ip="2001:db8::5")

    response = phone.get(SESSIONS)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert [item["id"] for item in body] == [sid_of(phone), sid_of(laptop)]  # newest used first
    assert body[0] == {
        "id": sid_of(phone),
        "device": "Mobile Safari on iOS",
        "ip": "2001:db8::5",
        "location": None,
        "createdAt": body[0]["createdAt"],
        "lastUsedAt": body[0]["lastUsedAt"],
        "current": True,
    }
    assert body[1]["device"] == "Firefox on Linux"
    assert body[1]["ip"] == "192.0.2.10"
    assert body[1]["current"] is False
    assert laptop.get(SESSIONS).json()[1]["current"] is True


def test_the_list_leaves_out_other_users_and_ended_sessions(user):
    mine = signed_in(user)
    signed_in(UserFactory())
    logged_out = signed_in(user)
    assert logged_out.post(LOGOUT).status_code == 204

    assert [item["id"] for item in mine.get(SESSIONS).json()] == [sid_of(mine)]


def test_ending_a_session_stops_its_refresh_at_once_while_the_others_still_refresh(user):
    laptop, phone, tablet = signed_in(user), signed_in(user), signed_in(user)

    assert phone.delete(session_detail(sid_of(laptop))).status_code == 204

    assert_problem(laptop.post(REFRESH), 401, "token_not_valid")
    assert phone.post(REFRESH).status_code == 200
    assert tablet.post(REFRESH).status_code == 200
    # Its refresh being refused raised no alarm: the other sessions live on.
    assert {item["id"] for item in phone.get(SESSIONS).json()} == {sid_of(phone), sid_of(tablet)}


def test_the_refused_refresh_of_an_ended_session_clears_its_cookie(user):
    laptop, phone = signed_in(user), signed_in(user)
    phone.delete(session_detail(sid_of(laptop)))

    response = laptop.post(REFRESH)

    assert response.cookies[COOKIE].value == ""


def test_ending_the_current_session_signs_this_device_out(user):
    laptop = signed_in(user)

    assert laptop.delete(session_detail(sid_of(laptop))).status_code == 204

    assert_problem(laptop.post(REFRESH), 401, "token_not_valid")


def test_another_users_session_is_not_found_and_lives_on(user):
    mine = signed_in(user)
    theirs = signed_in(UserFactory())

    assert_problem(mine.delete(session_detail(sid_of(theirs))), 404, "not_found")

    assert theirs.post(REFRESH).status_code == 200


@pytest.mark.parametrize("session_id", [uuid.uuid4(), "not-a-uuid"])
def test_an_unknown_session_is_not_found(user, session_id):
    mine = signed_in(user)
    response = mine.delete(f"{SESSIONS}{session_id}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_an_ended_session_cannot_be_ended_again(user):
    laptop, phone = signed_in(user), signed_in(user)
    assert phone.delete(session_detail(sid_of(laptop))).status_code == 204
    assert_problem(phone.delete(session_detail(sid_of(laptop))), 404, "not_found")


def test_end_others_keeps_the_current_session_only(user):
    laptop, phone, tablet = signed_in(user), signed_in(user), signed_in(user)
    other_user = signed_in(UserFactory())

    response = phone.post(END_OTHERS)

    assert response.status_code == 200
    assert response.json() == {"ended": 2}
    assert_problem(laptop.post(REFRESH), 401, "token_not_valid")
    assert_problem(tablet.post(REFRESH), 401, "token_not_valid")
    assert phone.post(REFRESH).status_code == 200
    assert other_user.post(REFRESH).status_code == 200
    assert [item["id"] for item in phone.get(SESSIONS).json()] == [sid_of(phone)]


def test_end_others_with_nothing_else_to_end(user):
    assert signed_in(user).post(END_OTHERS).json() == {"ended": 0}


@pytest.mark.parametrize(
    ("method", "url"), [("get", SESSIONS), ("post", END_OTHERS), ("delete", f"{SESSIONS}{uuid.uuid4()}/")]
)
def test_the_sessions_endpoints_need_a_signed_in_user(method, url):
    assert_problem(getattr(APIClient(), method)(url), 401, "not_authenticated")


def test_rotation_keeps_the_session_and_moves_its_last_use(user):
    laptop = signed_in(user)
    before = UserSession.objects.get(pk=sid_of(laptop))

    refreshed = laptop.post(REFRESH)

    assert AccessToken(refreshed.json()["access"])["sid"] == str(before.pk)
    after = UserSession.objects.get(pk=before.pk)
    assert after.last_used_at > before.last_used_at
    assert after.refresh_jti != before.refresh_jti
    assert UserSession.objects.filter(user=user).count() == 1


def test_a_refresh_from_another_address_updates_the_shown_address(user):
    laptop = signed_in(user, ip="192.0.2.10")
    laptop.post(REFRESH, REMOTE_ADDR="198.51.100.20")
    session = UserSession.objects.get(pk=sid_of(laptop))
    assert session.ip == "198.51.100.20"
    assert session.network == "192.0.2.0/24"  # the sign-in's network: what "known device" compares
