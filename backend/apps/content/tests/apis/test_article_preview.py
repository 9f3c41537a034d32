"""The site's draft mode reads an unpublished article through a preview token, and only so."""

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone
from freezegun import freeze_time
from rest_framework.test import APIClient

from apps.content.preview import preview_token_make
from apps.content.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def preview(slug: str, token: str | None):
    headers = {} if token is None else {"X-Preview-Token": token}
    return APIClient().get(f"/api/v1/articles/{slug}/preview/", headers=headers)


def test_a_valid_token_answers_the_draft_uncached():
    article = ArticleFactory(draft=True, slug="draft-one", title="Not yet", body="**Soon**")

    response = preview("draft-one", preview_token_make(article=article))

    assert response.status_code == 200
    assert response.json()["title"] == "Not yet"
    assert "<strong>Soon</strong>" in response.json()["bodyHtml"]
    assert response["Cache-Control"] == "private, no-store"
    # Readers still get nothing.
    assert APIClient().get("/api/v1/articles/draft-one/").status_code == 404


def test_an_expired_token_is_refused(settings):
    settings.PREVIEW_TOKEN_MAX_AGE = timedelta(minutes=15)
    article = ArticleFactory(draft=True)
    with freeze_time(timezone.now() - timedelta(minutes=16)):
        token = preview_token_make(article=article)

    response = preview(article.slug, token)

    assert response.status_code == 403
    assert response.json()["code"] == "preview_token_expired"


def test_a_token_for_another_article_is_refused():
    article, other = ArticleFactory(draft=True), ArticleFactory(draft=True)

    response = preview(other.slug, preview_token_make(article=article))

    assert response.status_code == 403
    assert response.json()["code"] == "preview_token_other_article"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        lambda token: signing.TimestampSigner(salt="another.salt").sign_object({"article": 1}),  # other purpose
        lambda token: "",  # no token at all
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_or_missing_token_is_refused(tamper):
    article = ArticleFactory(draft=True)

    response = preview(article.slug, tamper(preview_token_make(article=article)))

    assert response.status_code == 403
    assert response.json()["code"] == "preview_token_invalid"


def test_a_token_whose_payload_names_no_article_is_refused():
    article = ArticleFactory(draft=True)
    token = signing.TimestampSigner(salt="apps.content.preview").sign_object({"article": "1"})

    assert preview(article.slug, token).json()["code"] == "preview_token_invalid"


def test_an_unknown_slug_is_404_even_with_a_valid_token():
    token = preview_token_make(article=ArticleFactory(draft=True))

    assert preview("no-such-article", token).status_code == 404
