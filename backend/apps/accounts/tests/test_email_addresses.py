"""One stored form per mailbox: case, Unicode spelling and the two forms of an internationalised domain."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection

from apps.accounts.models import User, email_normalize, email_validate_domain
from apps.accounts.tests.factories import UserFactory


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Ada@Example.COM", "ada@example.com"),
        ("  ada@example.com ", "ada@example.com"),
        ("Bob@BÜCHER.example", "bob@xn--bcher-kva.example"),
        ("bob@xn--bcher-kva.example", "bob@xn--bcher-kva.example"),
        ("bob@bu\u0308cher.example", "bob@xn--bcher-kva.example"),  # "ü" as u + combining diaeresis
        # IDNA 2008 keeps ß; Python's IDNA 2003 codec would turn this into strasse.de, another domain.
        ("max@straße.de", "max@xn--strae-oqa.de"),
        ("Ünal@example.com", "ünal@example.com"),
        ("a@b@Example.com", "a@b@example.com"),
        ("not-an-address", "not-an-address"),
    ],
)
def test_every_spelling_of_an_address_normalizes_to_one_form(typed, stored):
    assert email_normalize(typed) == stored


@pytest.mark.parametrize(
    "address",
    [
        "snow@☃.net",  # valid for IDNA 2003 (and Django's EmailValidator), not for IDNA 2008
        "long@" + "ü" * 60 + ".example",  # a label over 63 characters once encoded
        "x@" + ".".join(["ääääää"] * 20) + ".de",  # fits 254 as typed, not once encoded
    ],
)
def test_domains_without_a_storable_ascii_form_are_refused(address):
    with pytest.raises(ValidationError):
        email_validate_domain(address)


def test_an_unstorable_domain_is_only_lowercased_for_lookups():
    assert email_normalize("Snow@☃.NET") == "snow@☃.net"


@pytest.mark.django_db
def test_the_migration_stores_internationalised_domains_in_ascii(capsys):
    migration = importlib.import_module("apps.accounts.migrations.0002_email_idna_domains")
    converted, clash, kept = UserFactory.create_batch(3)
    UserFactory(email="eve@xn--bcher-kva.example")
    User.objects.filter(pk=converted.pk).update(email="bob@bücher.example")
    User.objects.filter(pk=clash.pk).update(email="eve@bücher.example")
    kept_email = kept.email

    migration._normalize_stored_addresses(apps, SimpleNamespace(connection=connection))

    assert User.objects.get(pk=converted.pk).email == "bob@xn--bcher-kva.example"
    assert User.objects.get(pk=clash.pk).email == "eve@bücher.example"
    assert User.objects.get(pk=kept.pk).email == kept_email
    assert f"user {clash.pk} keeps" in capsys.readouterr().out
