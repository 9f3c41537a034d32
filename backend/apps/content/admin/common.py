"""Pieces the content admins share: people by public name, never by email address, and the
autocomplete pickers and list filters for authors and tags (docs/editors.md)."""

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from unfold.contrib.filters.admin import AutocompleteSelectFilter
from unfold.contrib.filters.forms import AutocompleteDropdownForm

from apps.accounts.models import User
from apps.common.admin_site import AutocompleteChoices
from apps.content.models import Article, Comment


class AuthorNameMixin:
    """An ``author_name`` column / read-only field: the public name, not the email address."""

    @admin.display(description=_("author"), ordering="author__first_name")
    def author_name(self, obj: Article | Comment) -> str:
        return obj.author.public_name if obj.author else "-"


class AuthorChoiceField(forms.ModelChoiceField):
    """Users by public name, never by User.__str__ (the email): editors may not see users (docs/content.md)."""

    def label_from_instance(self, obj: User) -> str:
        return obj.public_name


def people_choices(users: QuerySet[User]) -> AutocompleteChoices:
    """An autocomplete of people: found by name (an email would confirm that an address has an
    account), labelled by public name."""
    return AutocompleteChoices(
        queryset=users.order_by("first_name", "last_name", "pk"),
        search_fields=("first_name", "last_name"),
        label=lambda user: user.public_name,
    )


class _AuthorAutocompleteForm(AutocompleteDropdownForm):
    field = AuthorChoiceField  # the chosen author's label in the filter, by public name


class AuthorAutocompleteFilter(AutocompleteSelectFilter):
    """The author list filter as a search-as-you-type picker (its choices: the model admin's
    ``autocomplete_choices`` for the author field)."""

    form_class = _AuthorAutocompleteForm
