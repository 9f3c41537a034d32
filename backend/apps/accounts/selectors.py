"""Reads for accounts."""

from django.db.models import QuerySet
from social_django.models import UserSocialAuth

from apps.accounts.models import User, email_normalize


def user_find_by_email(*, email: str) -> User | None:
    """The account with this address (any spelling of it), or None: most callers must not reveal which."""
    return User.objects.filter(email=email_normalize(email)).first()


def user_social_accounts_list(*, user: User) -> QuerySet[UserSocialAuth]:
    return UserSocialAuth.objects.filter(user=user).order_by("created")
