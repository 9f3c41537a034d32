"""Gives an account a newsroom role (docs/editors.md): ``manage.py role_assign EMAIL Editors``.

Roles are the groups of migration content/0012; an account with a role becomes staff so it can
sign in to the admin. ``--remove`` takes the role away (staff status stays: it may have others).
"""

from typing import Any

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.accounts.selectors import user_find_by_email

ROLES = ("Authors", "Editors", "Moderators")


class Command(BaseCommand):
    help = "Give an account a newsroom role (Authors, Editors, Moderators), or take it away with --remove."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("role", choices=ROLES)
        parser.add_argument("--remove", action="store_true", help="take the role away")

    def handle(self, *args: Any, email: str, role: str, remove: bool, **options: Any) -> None:
        user = user_find_by_email(email=email)
        if user is None:
            raise CommandError(f"No account with the email address {email}.")
        group = Group.objects.get(name=role)
        if remove:
            user.groups.remove(group)
            self.stdout.write(f"{email} is no longer in {role}.")
            return
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        user.groups.add(group)
        self.stdout.write(f"{email} is now in {role} (staff).")
