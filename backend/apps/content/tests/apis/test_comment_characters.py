"""Comment bodies refuse invisible control and direction-changing characters (issue 15, finding 9).

A right-to-left override (U+202E) makes ``exe.txt`` read as ``txt.exe`` to every other reader.
"""

import pytest

from apps.content.tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def _comments_url(article) -> str:
    return f"/api/v1/articles/{article.slug}/comments/"


@pytest.mark.parametrize("character", ["\u202e", "\u2066", "\u2069", "\u200e", "\u200f", "\ufeff", "\x1b", "\x7f"])
def test_a_comment_with_a_control_or_format_character_is_a_validation_error(auth_client, character):
    response = auth_client.post(_comments_url(ArticleFactory()), {"body": f"open invoice{character}fdp.exe"})

    assert response.status_code == 400, response.content
    error = response.json()["errors"][0]
    assert (error["field"], error["code"]) == ("body", "invisible_character")
    assert f"U+{ord(character):04X}" in error["message"]


def test_a_lone_surrogate_is_a_validation_error_not_a_server_error(auth_client):
    response = auth_client.post(
        _comments_url(ArticleFactory()), data='{"body": "broken \\ud800 text"}', content_type="application/json"
    )

    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == "body"


def test_line_breaks_tabs_joiners_and_right_to_left_text_are_kept(auth_client):
    body = "First line\r\nsecond line\n\tindented \u05e9\u05dc\u05d5\u05dd \U0001f468\u200d\U0001f469\u200d\U0001f467 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"

    response = auth_client.post(_comments_url(ArticleFactory()), {"body": body})

    assert response.status_code == 201, response.content
    assert response.json()["body"] == body


def test_an_edit_is_checked_alike(user, auth_client):
    comment = CommentFactory(author=user)

    response = auth_client.patch(f"/api/v1/comments/{comment.pk}/", {"body": "fine\u202etext"})

    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == "body"
