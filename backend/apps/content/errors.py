"""Errors of the content services that callers handle by type (the admin's conflict screen)."""

from http import HTTPStatus

from django.utils.translation import gettext as _

from apps.common.exceptions import ApplicationError


class ArticleEditConflict(ApplicationError):
    """The article changed since the editor's form was loaded: their save would overwrite it."""

    def __init__(self, *, current_version: int) -> None:
        super().__init__(
            code="edit_conflict",
            detail=_("Someone else saved this article while you were editing it."),
            status_code=HTTPStatus.CONFLICT,
        )
        self.current_version = current_version
