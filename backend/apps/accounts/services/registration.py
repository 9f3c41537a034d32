"""Sign-up and email verification."""

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from apps.accounts import tasks
from apps.accounts.models import User
from apps.accounts.selectors import user_find_by_email
from apps.accounts.tokens import email_verification_token_read
from apps.common.exceptions import ApplicationError
from apps.jobs.services import enqueue_on_commit


def user_register(*, email: str, password: str, first_name: str, last_name: str, language: str = "en") -> User | None:
    """Creates an unverified account and emails a verification link.

    An address that already has an account gets the same answer, and its owner an
    email saying someone tried to register, so the API never reveals who is signed up.
    Returns the new user, or None when the address was taken.
    """
    # Validate before looking the address up: a weak password must fail the same way for both.
    candidate = User(email=email, first_name=first_name, last_name=last_name)
    try:
        validate_password(password, user=candidate)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from None

    existing = user_find_by_email(email=email)
    if existing is None:
        try:
            return _user_create(
                email=email, password=password, first_name=first_name, last_name=last_name, language=language
            )
        except (IntegrityError, ValidationError) as error:
            # A concurrent registration of the same address won the race since the lookup: same
            # answer as a taken address. (create_user hashed the password, so the timing matches too.)
            existing = user_find_by_email(email=email)
            if existing is None or (isinstance(error, ValidationError) and not _is_email_taken_error(error)):
                raise
    else:
        make_password(password)  # same work as the new-user path, so timing tells nothing
    enqueue_on_commit(tasks.send_registration_attempt_email, existing.pk)
    return None


def _user_create(*, email: str, password: str, first_name: str, last_name: str, language: str) -> User:
    # A savepoint: a failed insert leaves a caller's transaction usable.
    with transaction.atomic():
        user = User.objects.create_user(
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            language=language,
            is_email_verified=not settings.ACCOUNTS_REQUIRE_EMAIL_VERIFICATION,
        )
        if settings.ACCOUNTS_REQUIRE_EMAIL_VERIFICATION:
            enqueue_on_commit(tasks.send_verification_email, user.pk)
        else:
            enqueue_on_commit(tasks.send_welcome_email, user.pk)
    return user


def _is_email_taken_error(error: ValidationError) -> bool:
    """Whether full_clean's unique check refused the address (the row appeared after our lookup)."""
    return any(item.code == "unique" for item in getattr(error, "error_dict", {}).get("email", []))


def user_verify_email(*, token: str) -> User:
    payload = email_verification_token_read(token=token)
    user = None
    if payload is not None:
        user = User.objects.filter(pk=payload["uid"], email=payload["email"], is_active=True).first()
    if user is None:
        raise ApplicationError(
            code="invalid_token", detail=_("This verification link is invalid or has expired. Ask for a new one.")
        )
    if not user.is_email_verified:
        with transaction.atomic():
            user.is_email_verified = True
            user.save(update_fields=["is_email_verified"])
            enqueue_on_commit(tasks.send_welcome_email, user.pk)
    return user


def user_verification_resend(*, email: str) -> None:
    """Asks the worker to send the link again if this address has an unconfirmed account.

    No lookup here, as for a password reset: the same work whatever the address.
    """
    enqueue_on_commit(tasks.resend_verification_email, email)
