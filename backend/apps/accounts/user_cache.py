"""The users that bearer tokens name, read from the shared cache instead of the database.

Every authenticated API request loads its user; on a plain read such as ``GET /users/me/``
that one query was a third of the request. A user's row is cached under their id for
``AUTH_USER_CACHE_SECONDS`` and forgotten on every save and delete (signals.py).

Forgetting leaves a short-lived *tombstone* rather than deleting the entry, now and again
after commit. A request that read the row just before a change commits may store it only
with ``add()``, which a tombstone blocks: the pre-change row can't be cached after the
change. Requests that meet a tombstone read the database until it expires.

The password hash is never cached: a cached user has it deferred, so the few code paths that
need it (a password check) load it from the database, and ``save()`` never writes it back.
What the profile shows of it, whether the password is usable at all, is computed in the same
SELECT and cached beside the row; ``user_has_usable_password`` reads it.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import BooleanField, Case, Value, When

from apps.accounts.models import User

_UNCACHED_FIELDS = {"password"}
_CACHED_FIELDS = [f.attname for f in User._meta.concrete_fields if f.attname not in _UNCACHED_FIELDS]
# Django's is_password_usable() in SQL: usable unless the hash starts with the unusable prefix.
# A NULL hash matches no When and is usable, as is_password_usable(None) is.
_USABLE = "password_usable"
_USABLE_SQL = Case(
    When(password__startswith=UNUSABLE_PASSWORD_PREFIX, then=Value(False)),
    default=Value(True),
    output_field=BooleanField(),
)
# An entry is the row's values in this order, the last one the usable bit.
_CACHED_COLUMNS = [*_CACHED_FIELDS, _USABLE]
# The column list is part of the key: after a deploy that adds or removes a column, entries
# written by the old code are simply never read.
_SCHEMA = hashlib.sha256(",".join(_CACHED_COLUMNS).encode()).hexdigest()[:12]
_TOMBSTONE = "forgotten"
# Longer than any gap between a request's SELECT and its add(): the gap is a few milliseconds.
TOMBSTONE_SECONDS = 10


def _key(user_id: int) -> str:
    return f"auth:user:{_SCHEMA}:{user_id}"


def user_cached_get(*, user_id: int) -> User | None:
    timeout = settings.AUTH_USER_CACHE_SECONDS
    if timeout <= 0:  # switched off
        return User.objects.filter(pk=user_id).first()
    key = _key(user_id)
    cached = cache.get(key)
    if isinstance(cached, tuple):
        return _user_from_row(cached)
    row = User.objects.filter(pk=user_id).annotate(**{_USABLE: _USABLE_SQL}).values_list(*_CACHED_COLUMNS).first()
    if row is None:
        return None
    if cached is None:  # not after a tombstone: this row may predate the change that left it
        cache.add(key, tuple(row), timeout=timeout)
    return _user_from_row(row)


def _user_from_row(row: tuple) -> User:
    *values, password_usable = row
    user = User.from_db(DEFAULT_DB_ALIAS, _CACHED_FIELDS, values)
    # Where a queryset puts an annotation: an attribute named after it.
    setattr(user, _USABLE, bool(password_usable))
    return user


def user_has_usable_password(user: User) -> bool:
    """``user.has_usable_password()``, without loading a cached user's deferred hash.

    The cached bit answers only while the hash is still deferred: once anything loads or sets
    the password on the instance (``set_password``, ``set_unusable_password``), the instance
    itself answers.
    """
    password_usable = getattr(user, _USABLE, None)
    if password_usable is not None and "password" in user.get_deferred_fields():
        return password_usable
    return user.has_usable_password()


def user_cache_forget(*, user_id: int) -> None:
    """Now, and again after commit: a reader between the two may have read the uncommitted past."""
    key = _key(user_id)

    def forget() -> None:
        cache.set(key, _TOMBSTONE, timeout=TOMBSTONE_SECONDS)

    forget()
    transaction.on_commit(forget)
