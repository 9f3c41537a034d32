"""WebAuthn challenges: one purpose, one user, one use, a short life; the sign counter."""

import datetime

import pytest
from django.utils import timezone
from webauthn.helpers import base64url_to_bytes

from apps.accounts.tests.factories import UserFactory
from apps.common.exceptions import ApplicationError
from apps.mfa.models import Passkey, WebAuthnChallenge
from apps.mfa.services import webauthn
from apps.mfa.tests.authenticator import b64url
from apps.mfa.tests.helpers import add_passkey

pytestmark = pytest.mark.django_db
Purpose = WebAuthnChallenge.Purpose


def test_a_challenge_is_consumed_once(user):
    options = webauthn.authentication_options(purpose=Purpose.REAUTHENTICATE, user=user)

    challenge = webauthn.challenge_consume(challenge_id=options.challenge_id, purpose=Purpose.REAUTHENTICATE, user=user)

    assert base64url_to_bytes(options.options["challenge"]) == challenge
    with pytest.raises(ApplicationError, match="expired or was already used"):
        webauthn.challenge_consume(challenge_id=options.challenge_id, purpose=Purpose.REAUTHENTICATE, user=user)


@pytest.mark.parametrize(
    ("purpose", "other_user"),
    [(Purpose.SECOND_FACTOR, False), (Purpose.REAUTHENTICATE, True)],
    ids=["other-purpose", "other-user"],
)
def test_a_challenge_answers_only_its_purpose_and_user(user, purpose, other_user):
    options = webauthn.authentication_options(purpose=Purpose.REAUTHENTICATE, user=user)

    with pytest.raises(ApplicationError):
        webauthn.challenge_consume(
            challenge_id=options.challenge_id, purpose=purpose, user=UserFactory() if other_user else user
        )
    # A refused attempt leaves the challenge to its rightful answer.
    assert webauthn.challenge_consume(challenge_id=options.challenge_id, purpose=Purpose.REAUTHENTICATE, user=user)


def test_expired_challenges_are_refused_and_swept(user, settings):
    options = webauthn.authentication_options(purpose=Purpose.SIGN_IN, user=None)
    WebAuthnChallenge.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    with pytest.raises(ApplicationError):
        webauthn.challenge_consume(challenge_id=options.challenge_id, purpose=Purpose.SIGN_IN, user=None)
    webauthn.authentication_options(purpose=Purpose.SIGN_IN, user=None)
    assert WebAuthnChallenge.objects.count() == 1


def test_challenges_live_as_long_as_the_setting_says(user, settings):
    settings.AUTH_WEBAUTHN_CHALLENGE_TTL = 60

    options = webauthn.authentication_options(purpose=Purpose.SIGN_IN, user=None)

    row = WebAuthnChallenge.objects.get()
    assert 55 <= (row.expires_at - timezone.now()).total_seconds() <= 60
    assert options.options["timeout"] == 60000


def test_a_replayed_signature_counter_is_refused(user):
    authenticator = add_passkey(user)
    options = webauthn.authentication_options(purpose=Purpose.SIGN_IN, user=None)
    credential = authenticator.get(options.options)
    challenge = webauthn.challenge_consume(challenge_id=options.challenge_id, purpose=Purpose.SIGN_IN, user=None)
    webauthn.authentication_verify(challenge=challenge, credential=credential, user=None)
    Passkey.objects.update(sign_count=5)  # a clone of the authenticator lags behind the original
    options = webauthn.authentication_options(purpose=Purpose.SIGN_IN, user=None)
    authenticator.sign_count = 1
    challenge = webauthn.challenge_consume(challenge_id=options.challenge_id, purpose=Purpose.SIGN_IN, user=None)

    with pytest.raises(ApplicationError) as error:
        webauthn.authentication_verify(challenge=challenge, credential=authenticator.get(options.options), user=None)

    assert error.value.code == "invalid_credential"


def test_a_user_handle_that_does_not_match_is_refused(user):
    authenticator = add_passkey(user)
    authenticator.user_handle = b64url(b"someone else")
    options = webauthn.authentication_options(purpose=Purpose.SIGN_IN, user=None)
    challenge = webauthn.challenge_consume(challenge_id=options.challenge_id, purpose=Purpose.SIGN_IN, user=None)

    with pytest.raises(ApplicationError):
        webauthn.authentication_verify(challenge=challenge, credential=authenticator.get(options.options), user=None)
