"""Social login (GitHub, Google) on python-social-auth, ending in our JWT session.

The pipeline below replaces social-core's default. It never creates or links an
account on an email address the provider has not verified, so nobody can take over
an account by registering its address at a provider. Nor the other way round: an
account someone registered (unverified) on an address a provider then proves loses the
pre-registrant's password and sessions before it is linked.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language
from social_core.backends.base import BaseAuth
from social_core.exceptions import (
    AuthAssociationError,
    AuthCanceled,
    AuthInputError,
    AuthPolicyError,
    AuthResponseError,
    AuthSessionError,
)
from social_core.pipeline.social_auth import associate_user

from apps.accounts.models import User, email_normalize
from apps.accounts.selectors import user_find_by_email
from apps.accounts.services.sessions import user_sessions_revoke
from apps.common.validators import invisible_characters_strip


@dataclass(frozen=True)
class SocialProvider:
    id: str  # the social-core backend name, used in URLs
    name: str
    required_settings: tuple[str, ...]

    @property
    def enabled(self) -> bool:
        return all(getattr(settings, name) for name in self.required_settings)


PROVIDERS: tuple[SocialProvider, ...] = (
    # Each one is offered once its settings are set (SocialProvider.enabled).
    # [copier] if social_github
    SocialProvider("github", "GitHub", ("SOCIAL_AUTH_GITHUB_KEY", "SOCIAL_AUTH_GITHUB_SECRET")),
    SocialProvider(
        "github-enterprise",
        "GitHub Enterprise",
        (
            "SOCIAL_AUTH_GITHUB_ENTERPRISE_URL",
            "SOCIAL_AUTH_GITHUB_ENTERPRISE_API_URL",
            "SOCIAL_AUTH_GITHUB_ENTERPRISE_KEY",
            "SOCIAL_AUTH_GITHUB_ENTERPRISE_SECRET",
        ),
    ),
    # [copier] end
    # [copier] if social_google
    SocialProvider("google-oauth2", "Google", ("SOCIAL_AUTH_GOOGLE_OAUTH2_KEY", "SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET")),
    # [copier] end
)


def social_providers_enabled() -> list[SocialProvider]:
    return [provider for provider in PROVIDERS if provider.enabled]


class SocialEmailMissing(AuthPolicyError):
    """The provider shared no email address."""


class SocialEmailUnverified(AuthPolicyError):
    """The provider has not verified the address it shared."""


def error_code_of(error: Exception) -> str:
    """The code the frontend's callback page translates (``errors.social.<code>``)."""
    if isinstance(error, SocialEmailMissing):
        return "email_missing"
    if isinstance(error, SocialEmailUnverified):
        return "email_unverified"
    if isinstance(error, AuthResponseError) and getattr(error, "claim", None) == "email_verified":
        return "email_unverified"
    if isinstance(error, AuthCanceled):
        return "cancelled"
    if isinstance(error, AuthSessionError | AuthInputError):
        return "state_mismatch"
    if isinstance(error, AuthAssociationError):
        return "account_in_use"
    return "provider_error"


def _verified_email(backend: BaseAuth, details: dict[str, Any], response: dict[str, Any]) -> str | None:
    email = email_normalize(details.get("email") or "")
    if not email:
        return None
    # [copier] if social_google
    if backend.name == "google-oauth2":
        # social-core already refuses a Google answer without email_verified=true.
        return email if response.get("email_verified") is True else None
    # [copier] end
    # [copier] if social_github
    if backend.name in {"github", "github-enterprise"}:
        # With the user:email scope GitHub lists every address with its verified flag.
        for entry in response.get("emails") or []:
            if not isinstance(entry, dict) or not entry.get("verified"):
                continue
            if email_normalize(str(entry.get("email", ""))) == email:
                return email
        return None
    # [copier] end
    return None


# --- pipeline steps (see SOCIAL_AUTH_PIPELINE in settings) -----------------------------------


def require_verified_email(
    backend: BaseAuth, details: dict[str, Any], response: dict[str, Any], user: User | None = None, **kwargs: Any
) -> dict[str, Any] | None:
    """An already linked provider logs in as is; anything else needs a verified address."""
    if user is not None:
        return None
    if not (details.get("email") or "").strip():
        raise SocialEmailMissing(backend, "The provider did not share an email address.")
    email = _verified_email(backend, details, response)
    if email is None:
        raise SocialEmailUnverified(backend, "The provider has not verified this email address.")
    return {"verified_email": email}


def associate_by_verified_email(verified_email: str | None = None, user: User | None = None, **kwargs: Any) -> dict:
    """Links the provider to the account with the same (provider-verified) address.

    A verified account is linked as is: its owner proved the mailbox, and so has the
    provider now. An *unverified* account was created by someone who never proved the
    mailbox, possibly an attacker who registered the address with a password of their
    own. So before it is marked verified and linked, everything the pre-registrant set
    that could let them in or speak for the owner goes: the password becomes unusable,
    every session is revoked and the names are dropped (the provider's fill them in).
    All of it, the link included, happens in one transaction.
    """
    if user is not None or verified_email is None:
        return {}
    existing = user_find_by_email(email=verified_email)
    if existing is None:
        return {}
    if existing.is_email_verified:
        return {"user": existing, "is_new": False}
    with transaction.atomic():
        # Locked and read again: a verification link followed meanwhile makes it an ordinary verified account.
        existing = User.objects.select_for_update().get(pk=existing.pk)
        if not existing.is_email_verified:
            _claim_unverified_account(existing)
        # Linked inside the transaction, so no account is left verified and passwordless but unlinked.
        # (social-core's protocol wants a `username`; our email-keyed User is what its Django storage expects.)
        linked = associate_user(user=existing, **{**kwargs, "social": None}) or {}  # type: ignore[arg-type]
    return {**linked, "user": existing, "is_new": False}


def _claim_unverified_account(user: User) -> None:
    user.set_unusable_password()
    user.first_name = user.last_name = ""
    user.is_email_verified = True
    user.save(update_fields=["password", "first_name", "last_name", "is_email_verified"])
    user_sessions_revoke(user_id=user.pk)


def create_user(
    details: dict[str, Any], verified_email: str | None = None, user: User | None = None, **kwargs: Any
) -> dict:
    if user is not None or verified_email is None:
        return {}
    first_name, last_name = _names_of(details)
    created = User.objects.create_user(
        email=verified_email,
        password=None,  # no usable password: this account logs in through the provider
        first_name=first_name,
        last_name=last_name,
        is_email_verified=True,
        # The provider sends the browser back here, and LocaleMiddleware has activated the language
        # of its Accept-Language: it picks the emails' language, as the frontend's locale does at sign-up.
        language=get_language(),
    )
    return {"user": created, "is_new": True}


def fill_missing_names(user: User, details: dict[str, Any], **kwargs: Any) -> None:
    if user.first_name or user.last_name:
        return
    user.first_name, user.last_name = _names_of(details)
    if user.first_name or user.last_name:
        user.save(update_fields=["first_name", "last_name"])


def _names_of(details: dict[str, Any]) -> tuple[str, str]:
    first, last = details.get("first_name") or "", details.get("last_name") or ""
    if not (first or last) and details.get("fullname"):
        first, _, last = str(details["fullname"]).partition(" ")
    # Shown to other users: what a typed-in name may not hold (VisibleTextValidator) is dropped here.
    return invisible_characters_strip(first)[:150], invisible_characters_strip(last)[:150]
