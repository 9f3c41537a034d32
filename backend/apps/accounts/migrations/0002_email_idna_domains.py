"""Addresses with an internationalised domain get the stored form email_normalize now gives them
(the domain in IDNA 2008 ASCII), so ``bob@bücher.example`` and ``bob@xn--bcher-kva.example``
are one account from here on."""

from typing import Any

from django.db import migrations, models

import apps.accounts.models
from apps.accounts.models import email_normalize


def _normalize_stored_addresses(apps: Any, schema_editor: Any) -> None:
    User = apps.get_model("accounts", "User")
    alias = schema_editor.connection.alias
    # Only non-ASCII addresses can change: everything else was already stored lowercased.
    for user in User.objects.using(alias).filter(email__regex=r"[^\x01-\x7f]").only("email").iterator():
        normalized = email_normalize(user.email)
        if normalized == user.email:
            continue
        if User.objects.using(alias).filter(email=normalized).exists():
            # Two accounts for one mailbox were registered before this migration. Merging them is a
            # decision for a person. Until then a password login reaches the ASCII spelling's account;
            # this one is still reached through its connected social accounts.
            print(f"\n  accounts: user {user.pk} keeps {user.email!r}: {normalized!r} belongs to another account")
            continue
        User.objects.using(alias).filter(pk=user.pk).update(email=normalized)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="email",
            field=models.EmailField(
                max_length=254,
                unique=True,
                validators=[apps.accounts.models.email_validate_domain],
                verbose_name="email address",
            ),
        ),
        migrations.RunPython(_normalize_stored_addresses, migrations.RunPython.noop),
    ]
