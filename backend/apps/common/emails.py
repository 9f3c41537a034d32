"""Templated emails: ``<template>_subject.txt``, ``<template>.txt`` and ``<template>.html``."""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation


def _render_plain_text(name: str, context: dict[str, Any]) -> str:
    # Plain text is not HTML: autoescaping would send "&amp;" inside links and "O&#x27;Brien" as a name.
    return get_template(name).template.render(Context(context, autoescape=False))  # type: ignore[attr-defined]


def frontend_link(path: str, *, language: str, **query: str) -> str:
    """A frontend URL in ``language``: its locale prefix (``/de/account``), none for the default one.

    The frontend routes with next-intl's ``localePrefix: "as-needed"`` (frontend/src/i18n/routing.ts).
    """
    prefixed = language != settings.LANGUAGE_CODE and language in dict(settings.LANGUAGES)
    url = f"{settings.FRONTEND_URL}{f'/{language}' if prefixed else ''}{path}".rstrip("/")
    return f"{url}?{urlencode(query)}" if query else url


def email_send(*, to: str, template: str, context: dict[str, Any], language: str) -> None:
    """Renders subject and bodies in ``language`` (the recipient's ``User.language``) and sends them."""
    with translation.override(language):
        subject = _render_plain_text(f"{template}_subject.txt", context).strip()
        text_body = _render_plain_text(f"{template}.txt", context)
        html_body = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text_body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to])
    message.attach_alternative(html_body, "text/html")
    message.send()
