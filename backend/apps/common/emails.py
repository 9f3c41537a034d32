"""Templated emails: ``<template>_subject.txt``, ``<template>.txt`` and ``<template>.html``."""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation


def _render_plain_text(name: str, context: dict[str, Any]) -> str:
    # Plain text is not HTML: autoescaping would send "&amp;" inside links and "O&#x27;Brien" as a name.
    return get_template(name).template.render(Context(context, autoescape=False))  # type: ignore[attr-defined]


def email_send(*, to: str, template: str, context: dict[str, Any], language: str = "en") -> None:
    with translation.override(language):
        subject = _render_plain_text(f"{template}_subject.txt", context).strip()
        text_body = _render_plain_text(f"{template}.txt", context)
        html_body = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text_body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to])
    message.attach_alternative(html_body, "text/html")
    message.send()
