"""The first of settings.LANGUAGES is the default: of requests that ask for no language or for
one the site lacks, and of accounts made without a request (admin, shell).

It is German in a German-only project, whose other tests run with English as the default
(conftest.py `_english_source_language`); this module sees the project's own settings.
"""

import pytest

from apps.accounts.models import User
from apps.common.emails import frontend_link
from apps.common.tests.problems import problem_of

pytestmark = pytest.mark.django_db

# What a request that fails validation is told, in each language the template offers.
INVALID_FIELDS = {
    # [copier] if lang_en
    "en": "The request has invalid fields.",
    # [copier] end
    # [copier] if lang_de
    "de": "Die Anfrage enthält ungültige Felder.",
    # [copier] end
}


# [copier] if not lang_en
@pytest.fixture(autouse=True)
def _english_source_language():
    """The project's own settings here, not conftest.py's English default."""


# [copier] end
def test_the_first_language_is_the_default(settings):
    assert settings.LANGUAGES[0][0] == settings.LANGUAGE_CODE


def test_a_request_for_no_language_or_one_not_offered_gets_the_default(api_client, settings):
    not_offered = [code for code in ("en", "de", "fr") if code not in dict(settings.LANGUAGES)]
    for headers in [{}] + [{"HTTP_ACCEPT_LANGUAGE": f"{code};q=0.9"} for code in not_offered]:
        response = api_client.post("/api/v1/auth/register/", {}, format="json", **headers)

        assert problem_of(response, 400, "validation_error")["detail"] == INVALID_FIELDS[settings.LANGUAGE_CODE]


def test_an_account_made_without_a_request_is_written_to_in_the_default_language(settings):
    assert User.objects.create_user(email="ada@example.com", password=None).language == settings.LANGUAGE_CODE


def test_links_in_the_default_language_have_no_locale_prefix(settings):
    settings.FRONTEND_URL = "http://app.test"

    assert frontend_link("/account", language=settings.LANGUAGE_CODE) == "http://app.test/account"
