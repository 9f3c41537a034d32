"""Pieces the content admins share: authors by public name, never by email address."""

from django.contrib import admin
from django.db.models import Field
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import User
from apps.content.models import Article, Comment


class AuthorNameMixin:
    """An ``author_name`` column / read-only field: the public name, not the email address."""

    @admin.display(description=_("author"), ordering="author__first_name")
    def author_name(self, obj: Article | Comment) -> str:
        return obj.author.public_name if obj.author else "-"


class AuthorListFilter(admin.RelatedOnlyFieldListFilter):
    """The authors of the listed articles, by public name (Django's own filter labels them by email)."""

    def field_choices(self, field: Field, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        pk_qs = model_admin.get_queryset(request).distinct().values_list(f"{self.field_path}__pk", flat=True)
        authors = User.objects.filter(pk__in=pk_qs).order_by("first_name", "last_name", "pk")
        return [(author.pk, author.public_name) for author in authors]
