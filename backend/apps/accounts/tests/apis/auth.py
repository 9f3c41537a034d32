"""What the auth API tests share: the endpoints, the refresh cookie's name, a strong password, logging in.

`assert_problem` also checks the problem document carries the request's id.
"""

from django.conf import settings
from django.urls import reverse

from apps.accounts.tests.factories import DEFAULT_PASSWORD

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
