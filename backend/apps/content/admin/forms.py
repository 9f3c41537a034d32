"""The article admin's forms: the article itself, and the workflow step."""

from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from unfold.widgets import UnfoldAdminSplitDateTimeWidget, UnfoldAdminTextareaWidget

from apps.accounts.models import User
from apps.common.exceptions import ApplicationError
from apps.content.admin.writing import MarkdownEditorWidget, body_alt_text_check
from apps.content.models import Article
from apps.uploads.images import image_reencode

TRANSITION_LABELS = {
    "submit": _("Submit for review"),
    "request_changes": _("Request changes"),
    "schedule": _("Schedule"),
    "publish": _("Publish now"),
    "unpublish": _("Unpublish (back to draft)"),
    "archive": _("Archive"),
}


class AuthorChoiceField(forms.ModelChoiceField):
    """Users by public name, never by User.__str__ (the email): editors may not see users (docs/content.md)."""

    def label_from_instance(self, obj: User) -> str:
        return obj.public_name


class ArticleAdminForm(forms.ModelForm):
    # Not the model's ImageField: Django would store the raw file on save. The service stores
    # a validated, re-encoded copy instead (the same checks as avatars).
    new_cover = forms.FileField(label=_("Cover image"), required=False, help_text=_("JPEG, PNG or WebP, up to 5 MB."))
    remove_cover = forms.BooleanField(label=_("Remove the cover"), required=False)

    class Meta:
        model = Article
        fields = ("title", "slug", "summary", "body", "tags", "author", "publish_at", "unpublish_at")
        field_classes = {"author": AuthorChoiceField}
        widgets = {"body": MarkdownEditorWidget}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "author" not in self.fields:
            return  # read-only for authors: they write under their own name
        # Staff accounts only (editors and admins), plus the current author if they are not (or no
        # longer) staff, so such an article still saves. The queryset also validates the POST.
        choices = Q(is_staff=True)
        if self.instance.author_id is not None:
            choices |= Q(pk=self.instance.author_id)
        author = cast(AuthorChoiceField, self.fields["author"])
        author.queryset = User.objects.filter(choices).order_by("first_name", "last_name", "pk")

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        body_alt_text_check(body)
        return body

    def clean_new_cover(self) -> Any:
        upload = self.cleaned_data.get("new_cover")
        if upload:
            try:
                image_reencode(file=upload)
            except ApplicationError as error:
                raise forms.ValidationError(error.detail, code=error.code) from None
        return upload


class WorkflowForm(forms.Form):
    transition = forms.ChoiceField(label=_("What next"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note to the author"),
        required=False,
        widget=UnfoldAdminTextareaWidget(attrs={"rows": 4}),
        help_text=_("Needed when you request changes."),
    )
    publish_at = forms.SplitDateTimeField(
        label=_("Publish at"), required=False, widget=UnfoldAdminSplitDateTimeWidget, help_text=_("For Schedule.")
    )
    unpublish_at = forms.SplitDateTimeField(
        label=_("Unpublish at"),
        required=False,
        widget=UnfoldAdminSplitDateTimeWidget,
        help_text=_("For Schedule: when the article expires; empty for never."),
    )

    def __init__(self, *args: Any, transitions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["transition"]).choices = [(n, TRANSITION_LABELS[n]) for n in transitions]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("transition") == "schedule" and not data.get("publish_at"):
            self.add_error("publish_at", _("Set when the article should go live."))
        return data
