"""The project's JSON parser: camelCase in, and bad bodies are a 400, never a 500.

``CamelCaseJSONParser`` decodes with whatever charset the ``Content-Type`` names and
calls ``json.loads`` unguarded, so a body alone could crash a request before
authentication:

* a charset that names a codec but not a text encoding (``rot13``; bytes-to-bytes
  codecs such as ``zlib`` or ``bz2_codec``, which would also decompress the body past
  ``DATA_UPLOAD_MAX_MEMORY_SIZE``) raised ``LookupError``. (Django itself
  drops a charset no codec answers to, like ``nope``: the body is read as UTF-8.)
* deeply nested JSON (``"[" * 100000``) raised ``RecursionError``.

Both are now DRF's ``ParseError`` (400 ``parse_error``), as DRF's own ``JSONParser`` does.
"""

import json
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from djangorestframework_camel_case.parser import CamelCaseJSONParser
from djangorestframework_camel_case.util import underscoreize
from rest_framework.exceptions import ParseError
from rest_framework.utils.json import strict_constant


def _text_encoding(parser_context: dict[str, Any]) -> str:
    encoding = parser_context.get("encoding") or settings.DEFAULT_CHARSET
    try:
        "".encode(encoding)  # unlike bytes.decode() alone, str.encode() refuses non-text codecs
    except (LookupError, UnicodeError) as exc:
        raise ParseError(f'Unsupported charset "{encoding}" in the request Content-Type header.') from exc
    return str(encoding)


class JSONParser(CamelCaseJSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: dict[str, Any] | None = None) -> Any:
        encoding = _text_encoding(parser_context or {})
        try:
            data = stream.read().decode(encoding)
            # strict: NaN/Infinity are not JSON (DRF's STRICT_JSON default).
            parsed = json.loads(data, parse_constant=strict_constant)
            return underscoreize(parsed, **self.json_underscoreize)
        except RecursionError as exc:
            raise ParseError(_("JSON parse error - the document is nested too deeply.")) from exc
        except ValueError as exc:  # includes UnicodeDecodeError
            raise ParseError(f"JSON parse error - {exc}") from exc
