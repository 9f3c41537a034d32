"""An operator removes the second factor of a user who lost it, through the same services as the user."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from apps.accounts.tests.factories import UserFactory
from apps.mfa.models import Passkey, RecoveryCode, TotpDevice
from apps.mfa.tests.helpers import add_passkey, enable_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client():
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_removing_a_users_totp_app_drops_the_recovery_codes_and_tells_the_owner(
    operator_client, user, django_capture_on_commit_callbacks
):
    enable_totp(user)
    device = TotpDevice.objects.get(user=user)

    with django_capture_on_commit_callbacks(execute=True):
        response = operator_client.post(reverse("admin:mfa_totpdevice_delete", args=(device.pk,)), {"post": "yes"})

    assert response.status_code == 302
    assert not TotpDevice.objects.filter(user=user).exists()
    assert not RecoveryCode.objects.filter(user=user).exists()
    assert [m.subject for m in mail.outbox] == ["Two-factor authentication is off"]


def test_removing_a_users_passkeys_in_bulk(operator_client, user):
    add_passkey(user)
    add_passkey(user, name="Phone")

    operator_client.post(
        reverse("admin:mfa_passkey_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": list(Passkey.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )

    assert not Passkey.objects.filter(user=user).exists()


def test_second_factors_cannot_be_added_or_edited_in_the_admin(operator_client, user):
    add_passkey(user)
    passkey = Passkey.objects.get(user=user)

    assert operator_client.get(reverse("admin:mfa_passkey_add")).status_code == 403
    page = operator_client.get(reverse("admin:mfa_passkey_change", args=(passkey.pk,)))
    assert page.status_code == 200
    assert b'name="name"' not in page.content  # read-only
