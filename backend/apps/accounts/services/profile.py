"""The signed-in user's profile, and deleting the account."""

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.accounts.services.sessions import user_sessions_revoke
from apps.content.services import comments_delete_by_author


def user_update(
    *, user: User, first_name: str | None = None, last_name: str | None = None, language: str | None = None
) -> User:
    """Changes the given fields. ``language`` is what the emails are written in (a code of settings.LANGUAGES)."""
    fields = []
    if first_name is not None:
        user.first_name = first_name
        fields.append("first_name")
    if last_name is not None:
        user.last_name = last_name
        fields.append("last_name")
    if language is not None:
        if language not in dict(settings.LANGUAGES):
            raise ValidationError(
                {"language": ValidationError(_("This language is not offered."), code="invalid_choice")}
            )
        user.language = language
        fields.append("language")
    if fields:
        user.full_clean(exclude=["password"])
        user.save(update_fields=fields)
    return user


def user_delete(*, user: User, password: str | None) -> None:
    """The user deletes their own account, after a password check (none without a password)."""
    if user.has_usable_password() and not user.check_password(password or ""):
        raise ValidationError({"password": ValidationError(_("The password is wrong."), code="invalid")})
    user_remove(user=user)


def user_remove(*, user: User) -> None:
    """Deletes an account and its personal data: sessions, comments (recounting their articles)
    and avatar files. The user's own deletion and the admin's both end here."""
    files = [(field.storage, field.name) for field in (user.avatar, user.avatar_thumbnail) if field.name]
    with transaction.atomic():
        user_sessions_revoke(user_id=user.pk)
        comments_delete_by_author(author=user)
        user.delete()
        # Files go only once the rows are gone for good.
        for storage, name in files:
            transaction.on_commit(partial(storage.delete, name))
