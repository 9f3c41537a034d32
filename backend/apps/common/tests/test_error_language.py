"""Problem documents speak the language the client asks for (Accept-Language), English by default."""

import pytest

from apps.common.tests.problems import problem_of

REGISTER = "/api/v1/auth/register/"

pytestmark = pytest.mark.django_db


# [copier] if lang_de
def test_problem_detail_and_field_messages_are_german_for_accept_language_de(api_client):
    body = problem_of(api_client.post(REGISTER, {}, format="json", HTTP_ACCEPT_LANGUAGE="de"), 400, "validation_error")

    assert body["detail"] == "Die Anfrage enthält ungültige Felder."
    # Django REST framework's own messages come with its German catalog.
    assert {error["message"] for error in body["errors"]} == {"Dieses Feld ist zwingend erforderlich."}
    # [copier] end


# [copier] if lang_de
def test_project_messages_are_german_for_accept_language_de(api_client):
    body = problem_of(
        api_client.get("/api/v1/no-such-endpoint/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9"), 404, "not_found"
    )

    assert body["detail"] == "Unter diesem Pfad gibt es keinen API-Endpunkt."
    # [copier] end


# [copier] if lang_de
def test_a_wrong_password_is_refused_in_german_for_accept_language_de(api_client, user):
    response = api_client.post(
        "/api/v1/auth/login/", {"email": user.email, "password": "wrong"}, format="json", HTTP_ACCEPT_LANGUAGE="de"
    )

    assert problem_of(response, 401, "invalid_credentials")["detail"] == "E-Mail-Adresse oder Passwort ist falsch."
    # [copier] end


def test_problem_detail_is_english_without_accept_language(api_client):
    body = problem_of(api_client.post(REGISTER, {}, format="json"), 400, "validation_error")

    assert body["detail"] == "The request has invalid fields."
    assert {error["message"] for error in body["errors"]} == {"This field is required."}
