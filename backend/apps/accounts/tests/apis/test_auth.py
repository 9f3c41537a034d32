import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time
from rest_framework_simplejwt.tokens import RefreshToken

from apps.accounts.cookies import SESSION_HINT_COOKIE
from apps.accounts.models import User
from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from apps.accounts.tokens import password_reset_token_make, password_reset_uid_make

pytestmark = pytest.mark.django_db(transaction=False)

REGISTER = reverse("api:auth:register")
VERIFY = reverse("api:auth:verify-email")
RESEND = reverse("api:auth:verify-email-resend")
LOGIN = reverse("api:auth:login")
REFRESH = reverse("api:auth:refresh")
LOGOUT = reverse("api:auth:logout")
RESET = reverse("api:auth:password-reset")
RESET_CONFIRM = reverse("api:auth:password-reset-confirm")
CHANGE = reverse("api:auth:password-change")
ME = reverse("api:users:me")
COOKIE = settings.AUTH_REFRESH_COOKIE["name"]
STRONG_PASSWORD = "a-long-and-unusual-passphrase"


def query_of_last_email_link(kind: str) -> dict[str, str]:
    match = re.search(rf"http://\S+/{kind}\?\S+", mail.outbox[-1].body)
    assert match, f"no {kind} link in: {mail.outbox[-1].body}"
    return {key: values[0] for key, values in parse_qs(urlsplit(match.group(0)).query).items()}


def login(client, user, password=DEFAULT_PASSWORD):
    response = client.post(LOGIN, {"email": user.email, "password": password})
    assert response.status_code == 200, response.json()
    return response


def assert_problem(response, status, code):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["code"] == code, body
    assert body["requestId"] == response["X-Request-ID"]
    return body


# --- register and verify ---------------------------------------------------------------


def test_register_creates_unverified_user_and_emails_a_verification_link(
    api_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(
            REGISTER, {"email": "New@Example.com", "password": STRONG_PASSWORD, "firstName": "Ada", "lastName": "L"}
        )

    assert response.status_code == 201
    user = User.objects.get(email="new@example.com")
    assert (user.first_name, user.is_email_verified) == ("Ada", False)
    assert user.check_password(STRONG_PASSWORD)
    assert mail.outbox[-1].to == ["new@example.com"]
    assert "/verify-email?token=" in mail.outbox[-1].body


def test_register_with_taken_email_answers_the_same_and_warns_the_owner(
    api_client, user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(REGISTER, {"email": user.email.upper(), "password": STRONG_PASSWORD})

    assert response.status_code == 201
    assert User.objects.filter(email=user.email).count() == 1
    assert mail.outbox[-1].to == [user.email]
    assert "already has one" in mail.outbox[-1].body


def test_register_rejects_weak_password_with_field_error(api_client):
    response = api_client.post(REGISTER, {"email": "weak@example.com", "password": "123"})

    body = assert_problem(response, 400, "validation_error")
    fields = {error["field"] for error in body["errors"]}
    assert fields == {"password"}
    assert not User.objects.filter(email="weak@example.com").exists()


def test_register_rejects_weak_password_for_taken_email_too(api_client, user):
    response = api_client.post(REGISTER, {"email": user.email, "password": "123"})

    assert_problem(response, 400, "validation_error")


def test_register_reports_each_invalid_field_in_camel_case(api_client):
    response = api_client.post(REGISTER, {"email": "not-an-email", "password": STRONG_PASSWORD, "firstName": "x" * 151})

    body = assert_problem(response, 400, "validation_error")
    assert {error["field"] for error in body["errors"]} == {"email", "firstName"}


def test_verify_email_marks_the_user_verified_and_is_idempotent(api_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        api_client.post(REGISTER, {"email": "v@example.com", "password": STRONG_PASSWORD})
    token = query_of_last_email_link("verify-email")["token"]

    with django_capture_on_commit_callbacks(execute=True):
        first = api_client.post(VERIFY, {"token": token})
    second = api_client.post(VERIFY, {"token": token})

    assert (first.status_code, second.status_code) == (200, 200)
    assert User.objects.get(email="v@example.com").is_email_verified
    assert "ready" in mail.outbox[-1].body  # the welcome email


def test_verify_email_rejects_tampered_token(api_client):
    assert_problem(api_client.post(VERIFY, {"token": "garbage"}), 400, "invalid_token")


def test_verify_email_rejects_expired_token(api_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        api_client.post(REGISTER, {"email": "late@example.com", "password": STRONG_PASSWORD})
    token = query_of_last_email_link("verify-email")["token"]

    with freeze_time(timedelta(days=4)):
        assert_problem(api_client.post(VERIFY, {"token": token}), 400, "invalid_token")


def test_resend_verification_answers_202_for_any_address(api_client, django_capture_on_commit_callbacks):
    unverified = UserFactory(is_email_verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        known = api_client.post(RESEND, {"email": unverified.email})
        unknown = api_client.post(RESEND, {"email": "nobody@example.com"})

    assert (known.status_code, unknown.status_code) == (202, 202)
    assert [message.to for message in mail.outbox] == [[unverified.email]]


# --- login, refresh, logout --------------------------------------------------------------


def test_login_returns_access_token_and_sets_httponly_refresh_cookie(api_client, user):
    response = login(api_client, user)

    body = response.json()
    assert set(body) == {"access", "user"}
    assert body["user"]["email"] == user.email
    assert body["user"]["isEmailVerified"] is True
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/api/v1/auth/"
    assert "refresh" not in body


def test_login_cookie_is_secure_outside_local_development(api_client, user):
    assert login(api_client, user).cookies[COOKIE]["secure"] is True


def test_a_script_readable_hint_says_a_session_exists_and_nothing_more(api_client, user):
    response = login(api_client, user)

    hint, refresh = response.cookies[SESSION_HINT_COOKIE], response.cookies[COOKIE]
    assert hint.value == "1"
    assert hint["httponly"] == ""  # scripts may read it
    assert hint["path"] == "/"
    assert (hint["max-age"], hint["secure"], hint["samesite"]) == (refresh["max-age"], True, "Lax")


def test_login_with_wrong_password_or_unknown_email_gives_the_same_401(api_client, user):
    wrong = api_client.post(LOGIN, {"email": user.email, "password": "wrong-password"})
    unknown = api_client.post(LOGIN, {"email": "ghost@example.com", "password": "wrong-password"})

    assert assert_problem(wrong, 401, "invalid_credentials")["detail"] == unknown.json()["detail"]
    assert_problem(unknown, 401, "invalid_credentials")


def test_login_of_unverified_user_is_refused_with_distinct_code(api_client):
    user = UserFactory(is_email_verified=False)

    assert_problem(
        api_client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD}), 403, "email_not_verified"
    )


def test_login_of_unverified_user_is_allowed_when_verification_is_optional(api_client, settings):
    settings.ACCOUNTS_REQUIRE_EMAIL_VERIFICATION = False
    user = UserFactory(is_email_verified=False)

    assert login(api_client, user).status_code == 200


def test_login_of_inactive_user_is_refused_like_wrong_credentials(api_client):
    user = UserFactory(is_active=False)

    assert_problem(
        api_client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD}), 401, "invalid_credentials"
    )


def test_login_is_throttled_after_five_failures_for_that_ip_and_email(api_client, user):
    for _ in range(settings.ACCOUNTS_LOGIN_FAILURE_LIMIT):
        api_client.post(LOGIN, {"email": user.email, "password": "wrong-password"})

    blocked = api_client.post(LOGIN, {"email": user.email, "password": DEFAULT_PASSWORD})
    other_account = api_client.post(LOGIN, {"email": "other@example.com", "password": "wrong-password"})

    assert_problem(blocked, 429, "throttled")
    assert 0 < int(blocked["Retry-After"]) <= 15 * 60
    assert other_account.status_code == 401


def test_login_ignores_an_expired_bearer_header(api_client, user):
    api_client.credentials(HTTP_AUTHORIZATION="Bearer expired.token.value")

    assert login(api_client, user).status_code == 200


def test_refresh_rotates_the_cookie_and_returns_a_new_access_token(api_client, user):
    first_refresh = login(api_client, user).cookies[COOKIE].value

    response = api_client.post(REFRESH)

    assert response.status_code == 200
    assert set(response.json()) == {"access"}
    assert response.cookies[COOKIE].value != first_refresh
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    assert api_client.get(ME).json()["email"] == user.email


def test_replayed_refresh_token_is_refused_and_ends_every_session(api_client, user):
    stolen = login(api_client, user).cookies[COOKIE].value
    api_client.post(REFRESH)  # the legitimate client rotates
    current = api_client.cookies[COOKIE].value

    # Past the grace in which a just-rotated token is still honoured (test_refresh_grace.py).
    with freeze_time(timedelta(seconds=settings.AUTH_REFRESH_REUSE_GRACE_SECONDS + 1)):
        api_client.cookies[COOKIE] = stolen
        replay = api_client.post(REFRESH)
        assert_problem(replay, 401, "token_not_valid")
        assert replay.cookies[COOKIE].value == ""  # cleared

        api_client.cookies[COOKIE] = current
        assert_problem(api_client.post(REFRESH), 401, "token_not_valid")


def test_refresh_without_cookie_is_401_and_clears_it(api_client):
    response = api_client.post(REFRESH)

    assert_problem(response, 401, "token_not_valid")
    assert response.cookies[COOKIE]["max-age"] == 0
    assert response.cookies[SESSION_HINT_COOKIE]["max-age"] == 0


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda token: token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"), id="tampered"),
        pytest.param(
            lambda token: jwt.encode(
                jwt.decode(token, options={"verify_signature": False}), key=None, algorithm="none"
            ),
            id="alg-none",
        ),
        pytest.param(
            lambda token: jwt.encode(
                jwt.decode(token, options={"verify_signature": False}),
                key="a-guessed-secret-that-is-long-enough-for-hs256",
                algorithm="HS256",
            ),
            id="wrong-key",
        ),
        pytest.param(lambda token: str(RefreshToken(token).access_token), id="access-token-as-refresh"),
    ],
)
def test_refresh_refuses_forged_tokens(api_client, user, forge):
    genuine = login(api_client, user).cookies[COOKIE].value
    api_client.cookies[COOKIE] = forge(genuine)

    assert_problem(api_client.post(REFRESH), 401, "token_not_valid")


def test_refresh_refuses_expired_token(api_client, user):
    login(api_client, user)

    with freeze_time(timedelta(days=8)):
        assert_problem(api_client.post(REFRESH), 401, "token_not_valid")


def test_refresh_from_a_foreign_origin_is_refused(api_client, user):
    login(api_client, user)

    response = api_client.post(REFRESH, HTTP_ORIGIN="https://evil.example")

    assert_problem(response, 403, "origin_not_allowed")


def test_refresh_from_the_frontend_origin_is_allowed(api_client, user):
    login(api_client, user)

    assert api_client.post(REFRESH, HTTP_ORIGIN=settings.FRONTEND_URL).status_code == 200


def test_refresh_for_deactivated_user_is_refused(api_client, user):
    login(api_client, user)
    User.objects.filter(pk=user.pk).update(is_active=False)

    assert_problem(api_client.post(REFRESH), 401, "token_not_valid")


def test_logout_ends_the_refresh_token_and_clears_the_cookie(api_client, user):
    token = login(api_client, user).cookies[COOKIE].value

    response = api_client.post(LOGOUT)
    api_client.cookies[COOKIE] = token
    replay = api_client.post(REFRESH)

    assert response.status_code == 204
    assert response.cookies[COOKIE]["max-age"] == 0
    assert response.cookies[SESSION_HINT_COOKIE]["max-age"] == 0
    assert replay.status_code == 401


def test_logout_without_a_session_still_answers_204(api_client):
    assert api_client.post(LOGOUT).status_code == 204


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


# --- passwords --------------------------------------------------------------------------------


def test_password_reset_always_answers_202_and_emails_only_real_accounts(
    api_client, user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = api_client.post(RESET, {"email": user.email})
        unknown = api_client.post(RESET, {"email": "ghost@example.com"})

    assert (known.status_code, unknown.status_code) == (202, 202)
    assert [message.to for message in mail.outbox] == [[user.email]]
    assert "/reset-password?uid=" in mail.outbox[0].body


def test_password_reset_confirm_sets_password_and_revokes_every_session(api_client, user):
    login(api_client, user)
    user.refresh_from_db()  # the emailed token is made from the stored row
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}

    response = api_client.post(RESET_CONFIRM, {**payload, "newPassword": STRONG_PASSWORD})
    reused = api_client.post(RESET_CONFIRM, {**payload, "newPassword": "another-long-passphrase"})

    assert response.status_code == 204
    user.refresh_from_db()
    assert user.check_password(STRONG_PASSWORD)
    assert_problem(api_client.post(REFRESH), 401, "token_not_valid")
    assert_problem(reused, 400, "invalid_token")


def test_password_reset_confirm_verifies_the_email_address(api_client):
    user = UserFactory(is_email_verified=False)
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}

    api_client.post(RESET_CONFIRM, {**payload, "newPassword": STRONG_PASSWORD})

    user.refresh_from_db()
    assert user.is_email_verified


@pytest.mark.parametrize("uid", ["", "!!!", "MTIzNDU2Nzg5"])
def test_password_reset_confirm_rejects_bad_uid(api_client, user, uid):
    payload = {"uid": uid or "x", "token": password_reset_token_make(user=user), "newPassword": STRONG_PASSWORD}

    assert_problem(api_client.post(RESET_CONFIRM, payload), 400, "invalid_token")


def test_password_reset_confirm_rejects_weak_password_on_the_field(api_client, user):
    payload = {"uid": password_reset_uid_make(user=user), "token": password_reset_token_make(user=user)}

    body = assert_problem(
        api_client.post(RESET_CONFIRM, {**payload, "newPassword": "password"}), 400, "validation_error"
    )
    assert {error["field"] for error in body["errors"]} == {"newPassword"}


def test_password_change_requires_the_current_password(api_client, user):
    access = login(api_client, user).json()["access"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")

    response = api_client.post(CHANGE, {"currentPassword": "wrong", "newPassword": STRONG_PASSWORD})

    body = assert_problem(response, 400, "validation_error")
    assert body["errors"][0]["field"] == "currentPassword"


def test_password_change_keeps_this_session_and_ends_the_others(api_client, user):
    other_device = api_client.__class__()
    login(other_device, user)
    access = login(api_client, user).json()["access"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")

    response = api_client.post(CHANGE, {"currentPassword": DEFAULT_PASSWORD, "newPassword": STRONG_PASSWORD})

    assert response.status_code == 204
    assert api_client.post(REFRESH).status_code == 200
    assert_problem(other_device.post(REFRESH), 401, "token_not_valid")


def test_password_change_needs_authentication(api_client):
    assert_problem(api_client.post(CHANGE, {"currentPassword": "x", "newPassword": "y"}), 401, "not_authenticated")


# --- throttles ---------------------------------------------------------------------------------


def test_password_reset_is_rate_limited(api_client):
    for _ in range(5):
        api_client.post(RESET, {"email": "someone@example.com"})

    response = api_client.post(RESET, {"email": "someone@example.com"})

    assert_problem(response, 429, "throttled")
    assert int(response["Retry-After"]) > 0
