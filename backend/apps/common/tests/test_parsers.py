"""Bad request bodies are a 400 problem, never a 500 (apps/common/parsers.py)."""

import pytest

from apps.common.tests.problems import problem_of

pytestmark = [pytest.mark.django_db, pytest.mark.urls("apps.common.tests.urls")]

ECHO = "/api/v1/test/echo/"


# client.generic sends the bytes as given; client.post would encode them with the charset.


@pytest.mark.parametrize("charset", ["rot13", "zlib", "bz2_codec", "hex"])
def test_unsupported_charset_is_a_400_parse_error(client, charset):
    response = client.generic("POST", ECHO, b'{"a": 1}', content_type=f"application/json; charset={charset}")

    body = problem_of(response, 400, "parse_error")
    assert charset in body["detail"]


def test_unknown_charset_falls_back_to_utf8(client):
    # Django drops a charset that codecs.lookup() doesn't know (HttpRequest.encoding stays
    # None), so the body is read as DEFAULT_CHARSET: no error to raise, and none raised.
    response = client.generic("POST", ECHO, '{"a": "é"}'.encode(), content_type="application/json; charset=nope")

    assert response.status_code == 200
    assert response.json() == {"a": "é"}


def test_body_not_in_the_named_charset_is_a_400_parse_error(client):
    response = client.generic(
        "POST", ECHO, '{"a": "é"}'.encode("latin-1"), content_type="application/json; charset=utf-8"
    )

    problem_of(response, 400, "parse_error")


def test_a_text_charset_still_works(client):
    response = client.generic(
        "POST", ECHO, '{"firstName": "é"}'.encode("latin-1"), content_type="application/json; charset=latin-1"
    )

    assert response.status_code == 200
    assert response.json() == {"firstName": "é"}


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000,
        '{"a":' * 990,
        "[" * 5000 + "]" * 5000,
        '{"a":' * 990 + "1" + "}" * 990,
    ],
    ids=["open-lists", "open-objects", "closed-lists", "closed-objects"],
)
def test_deeply_nested_json_is_a_400_parse_error(client, body):
    response = client.post(ECHO, data=body, content_type="application/json")

    problem_of(response, 400, "parse_error")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_json_constants_are_a_400_parse_error(client, constant):
    response = client.post(ECHO, data=f'{{"a": {constant}}}', content_type="application/json")

    problem_of(response, 400, "parse_error")


def test_bad_body_on_a_real_endpoint_is_a_400_before_authentication(client):
    response = client.generic("POST", "/api/v1/auth/login/", b"{}", content_type="application/json; charset=rot13")

    problem_of(response, 400, "parse_error")


def test_camel_case_keys_are_still_underscoreized(client):
    response = client.post(
        ECHO, data='{"firstName": "Ada", "nested": [{"lastName": "L"}]}', content_type="application/json"
    )

    # The echo view renders request.data back through the camelCase renderer: a round trip.
    assert response.status_code == 200
    assert response.json() == {"firstName": "Ada", "nested": [{"lastName": "L"}]}
