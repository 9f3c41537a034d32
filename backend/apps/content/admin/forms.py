"""The article admin's forms: the article itself, and the workflow step."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from unfold.widgets import UnfoldAdminSplitDateTimeWidget, UnfoldAdminTextareaWidget, UnfoldAdminTextInputWidget

from apps.common.exceptions import ApplicationError
from apps.content import selectors
from apps.content.admin.common import AuthorChoiceField
from apps.content.admin.seo import META_DESCRIPTION_HINT, META_TITLE_HINT, hinted
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


class ArticleAdminForm(forms.ModelForm):
    # Not the model's ImageField: Django would store the raw file on save. The service stores
    # a validated, re-encoded copy instead (the same checks as avatars).
    new_cover = forms.FileField(label=_("Cover image"), required=False, help_text=_("JPEG, PNG or WebP, up to 5 MB."))
    remove_cover = forms.BooleanField(label=_("Remove the cover"), required=False)
    new_social_image = forms.FileField(
        label=_("Social image"),
        required=False,
        help_text=_(
            "The picture of shared links: JPEG, PNG or WebP, up to 5 MB; 1200 by 630 pixels shows best. "
            "Without one, the cover."
        ),
    )
    remove_social_image = forms.BooleanField(label=_("Remove the social image"), required=False)

    class Meta:
        model = Article
        fields = (
            *("title", "slug", "summary", "body", "tags", "author", "publish_at", "unpublish_at"),
            *("meta_title", "meta_description"),
        )
        field_classes = {"author": AuthorChoiceField}
        widgets = {
            "body": MarkdownEditorWidget,
            "meta_title": hinted(UnfoldAdminTextInputWidget, hint=META_TITLE_HINT),
            "meta_description": hinted(UnfoldAdminTextareaWidget, hint=META_DESCRIPTION_HINT, rows=3),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "author" not in self.fields:
            return  # read-only for authors: they write under their own name
        # What the autocomplete offers (ArticleAdmin.autocomplete_choices); it also validates the POST.
        author = cast(AuthorChoiceField, self.fields["author"])
        author.queryset = selectors.article_author_choices(also=self.instance.author_id)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        body_alt_text_check(body)
        return body

    def _image_check(self, name: str) -> Any:
        upload = self.cleaned_data.get(name)
        if upload:
            try:
                image_reencode(file=upload)
            except ApplicationError as error:
                raise forms.ValidationError(error.detail, code=error.code) from None
        return upload

    def clean_new_cover(self) -> Any:
        return self._image_check("new_cover")

    def clean_new_social_image(self) -> Any:
        return self._image_check("new_social_image")


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
