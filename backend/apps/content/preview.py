"""Preview tokens: a short-lived, signed pass to one unpublished article on the Next.js site.

The admin mints one for the article an editor is looking at ("Preview on site"); the site's
preview route hands it back to ``GET /api/v1/articles/<slug>/preview/``, which answers the
article whatever its status. The token names the article by id (a slug may change while the
token lives), is signed with SECRET_KEY under its own salt (no other signed value of the
project passes as one) and expires after ``PREVIEW_TOKEN_MAX_AGE``. Whoever holds it reads
that one article until then, as a shared draft link does: docs/editors.md#preview.
"""

from http import HTTPStatus

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from apps.common.exceptions import ApplicationError
from apps.content.models import Article

_SALT = "apps.content.preview"


def preview_token_make(*, article: Article) -> str:
    return signing.TimestampSigner(salt=_SALT).sign_object({"article": article.pk})


def preview_token_article_id(*, token: str) -> int:
    """The article id the token was minted for; a 403 problem if it is expired or not ours."""
    try:
        payload = signing.TimestampSigner(salt=_SALT).unsign_object(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise ApplicationError(
            code="preview_token_expired",
            detail=_("This preview link has expired. Open the preview from the admin again."),
            status_code=HTTPStatus.FORBIDDEN,
        ) from None
    except (signing.BadSignature, ValueError):  # ValueError: a well-signed but malformed value
        raise _invalid() from None
    article_id = payload.get("article") if isinstance(payload, dict) else None
    if not isinstance(article_id, int):
        raise _invalid()
    return article_id


def _invalid() -> ApplicationError:
    return ApplicationError(
        code="preview_token_invalid",
        detail=_("This preview link is not valid."),
        status_code=HTTPStatus.FORBIDDEN,
    )
