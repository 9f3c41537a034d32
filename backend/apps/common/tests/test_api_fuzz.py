"""Schema and server agree: requests generated from the OpenAPI schema, valid and invalid
(schemathesis' positive and negative modes), sent in-process to the WSGI app. The server never
answers 500, answers only documented statuses and content types, its bodies match the schema,
and what the schema refuses it refuses with a 4xx (issue 15, finding 8).

Bounded so it stays a CI test (under a minute): a fixed number of examples per operation, no
network (the WSGI app is called directly), and hypothesis' database off (pytest's
``-p no:cacheprovider`` aside, nothing is kept between runs). Derandomized: every run sends the
same examples, so a red CI run is reproducible and not a roll of the dice; to explore further,
raise ``max_examples`` and turn ``derandomize`` off locally.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from apps.accounts.tests.factories import access_token_for
from config.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture
def bearer(django_user_model):
    user = django_user_model.objects.create_user(email="fuzz@example.com", password="a-long-fuzzing-passphrase")
    return {"Authorization": f"Bearer {access_token_for(user)}"}


# transaction=True: each WSGI call ends with request_finished, which closes the connection; a
# wrapping test transaction would not survive that on PostgreSQL.
@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(max_examples=25, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_server_answers_as_its_schema_says(case, bearer):
    case.call_and_validate(headers=bearer, checks=CHECKS)
