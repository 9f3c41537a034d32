import unicodedata
import uuid
from typing import Any, ClassVar

import idna
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EMAIL_MAX_LENGTH = 254  # RFC 5321's limit on a path, less its angle brackets


def language_default() -> str:
    """The site's default language (settings.LANGUAGE_CODE), read when an account is created, so
    a German-only project writes to accounts made without a request (admin, shell) in German."""
    return settings.LANGUAGE_CODE


def _domain_ascii(domain: str) -> str:
    """The domain as DNS and SMTP know it: IDNA 2008 with the UTS #46 mapping (case folded,
    so ``BÜCHER.example`` and ``xn--bcher-kva.example`` are one domain). Raises ``idna.IDNAError``
    for a domain that has no such form. Python's own "idna" codec is IDNA 2003, which maps
    ``straße.de`` to ``strasse.de``, another domain."""
    return idna.encode(domain, uts46=True).decode("ascii")


def email_normalize(email: str) -> str:
    """The one form an address is stored, looked up and counted in: trimmed, in Unicode NFC,
    the local part lowercased and the domain in its ASCII form (``_domain_ascii``).

    The unique index on ``User.email`` is case-insensitive, and blind to the spelling of an
    internationalised domain, only because every write and every lookup goes through this.
    A domain without an ASCII form is only lowercased: ``email_validate_domain`` refuses it
    wherever an address is stored, so a lookup with it simply finds nobody.
    """
    local, at, domain = unicodedata.normalize("NFC", email.strip()).rpartition("@")
    if not at:
        return domain.lower()
    try:
        domain = _domain_ascii(domain)
    except idna.IDNAError:
        domain = domain.lower()
    return f"{local.lower()}@{domain}"


def email_validate_domain(email: str) -> None:
    """Django's EmailValidator accepts what IDNA 2003 can encode (``☃.net``); an address we store
    must have an IDNA 2008 domain, and still fit the column once that domain is in ASCII."""
    domain = email.strip().rpartition("@")[2]
    try:
        _domain_ascii(unicodedata.normalize("NFC", domain))
    except idna.IDNAError:
        raise ValidationError(_("Enter a valid email address."), code="invalid") from None
    if len(email_normalize(email)) > EMAIL_MAX_LENGTH:
        raise ValidationError(_("This address is too long once its domain is encoded."), code="max_length")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields: Any) -> "User":
        if not email:
            raise ValueError("An email address is required to create a user.")
        user = self.model(email=email_normalize(email), **extra_fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields: Any) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields: Any) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("is_email_verified", True)
        if extra_fields.get("is_staff") is not True or extra_fields.get("is_superuser") is not True:
            raise ValueError("A superuser needs is_staff=True and is_superuser=True.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an email address (no username)."""

    # Stored normalised (see save and email_normalize), so a plain unique index is case-insensitive.
    email = models.EmailField(
        _("email address"), max_length=EMAIL_MAX_LENGTH, unique=True, validators=[email_validate_domain]
    )
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    is_email_verified = models.BooleanField(_("email verified"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now, db_index=True)
    language = models.CharField(
        _("language"), max_length=8, default=language_default, help_text=_("Language of emails.")
    )
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)
    avatar_thumbnail = models.ImageField(_("avatar thumbnail"), upload_to="avatars/thumbnails/", blank=True)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = email_normalize(self.email)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = email_normalize(self.email)
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def public_name(self) -> str:
        return public_name(first_name=self.first_name, last_name=self.last_name, user_id=self.pk)


def public_name(*, first_name: str, last_name: str, user_id: int | None) -> str:
    """What other users see of someone: the name, never the email address.

    A function of the columns, so lists built from ``values()`` rows say the same as ``User.public_name``.
    """
    return f"{first_name} {last_name}".strip() or f"User {user_id}"


# The claim of every refresh and access token that names its session (UserSession.id).
SESSION_CLAIM = "sid"


class UserSession(models.Model):
    """A sign-in: one refresh-token family. Every refresh and access token of the family carries
    its id as the ``sid`` claim; rotation keeps it. Ended rows stay a while as the memory of
    known devices for the new-device email (apps/accounts/services/housekeeping.py)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions")
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The refresh token issued last: ending the session deletes its row, so it is refused at once.
    refresh_jti = models.CharField(max_length=255, blank=True)
    user_agent = models.CharField(max_length=512, blank=True)
    device = models.CharField(max_length=200, blank=True, help_text=_("Browser and system, from the user agent."))
    ip = models.GenericIPAddressField(null=True, blank=True)
    # The network of the address at sign-in (a /24 or /48): with the device, what "known device" means.
    network = models.CharField(max_length=64, blank=True)
    location = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [
            models.Index(fields=["user", "-last_used_at"], name="accounts_session_user_used"),
            models.Index(fields=["user", "device", "network"], name="accounts_session_known_device"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.device or '?'} ({self.ip or '?'})"
