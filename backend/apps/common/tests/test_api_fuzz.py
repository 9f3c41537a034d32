"""Property-based requests generated from the OpenAPI schema: whatever a client sends, the
API answers with a documented status and never with a 500."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import RefreshToken
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from config.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture
def bearer(django_user_model):
    user = django_user_model.objects.create_user(email="fuzz@example.com", password="a-long-fuzzing-passphrase")
    return {"Authorization": f"Bearer {RefreshToken.for_user(user).access_token}"}


# transaction=True: each WSGI call ends with request_finished, which closes the connection; a
# wrapping test transaction would not survive that on PostgreSQL.
@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_answers_500(case, bearer):
    case.call_and_validate(headers=bearer, checks=[not_a_server_error, status_code_conformance])
