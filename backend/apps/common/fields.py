"""Text fields take JSON strings only, in every serializer (issue 15, finding 8).

DRF's ``CharField`` (and its subclasses: email, slug, URL, regex fields) turns a number into
its text, so ``{"lastName": 0}`` saved "0" although the schema says string: a client bug passes
silently, and the API accepts what its schema refuses. Rather than a subclass every serializer
must remember (including the ones still to be written), the one method is made strict when
the app loads. Form and query data are always strings, so only JSON is affected.
"""

from typing import Any

from rest_framework import fields

_char_to_internal_value = fields.CharField.to_internal_value


def _strict_to_internal_value(self: fields.CharField, data: Any) -> str:
    if not isinstance(data, str):
        self.fail("invalid")
    return _char_to_internal_value(self, data)


def refuse_non_strings_in_text_fields() -> None:
    fields.CharField.to_internal_value = _strict_to_internal_value  # type: ignore[method-assign,assignment]
