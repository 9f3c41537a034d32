"""Validators shared by every app's input serializers."""

import unicodedata

from django.core.exceptions import ValidationError

# Format characters that scripts and emoji need: the zero-width non-joiner spells Persian and
# Hindi words right, the zero-width joiner builds emoji sequences such as families.
_FORMAT_CHARACTERS_KEPT = frozenset("\u200c\u200d")
_LINE_CHARACTERS = frozenset("\n\r\t")


def _is_invisible(character: str, *, multiline: bool) -> bool:
    if character in _FORMAT_CHARACTERS_KEPT or (multiline and character in _LINE_CHARACTERS):
        return False
    return unicodedata.category(character) in ("Cc", "Cf")


class VisibleTextValidator:
    """Refuses invisible control and format characters in text shown to other users.

    Unicode categories Cc (controls: escape, bell, line breaks, ...) and Cf (format: the
    bidirectional overrides and isolates U+202A-202E and U+2066-2069, the direction marks
    U+200E/U+200F, the byte-order mark, soft hyphens, tag characters), except the two
    joiners above. A right-to-left override makes ``invoice\\u202efdp.exe`` read as
    ``invoiceexe.pdf``; in a name it can hide text or reorder the words next to it. Refused
    rather than stripped, so what is stored is what the author typed. ``multiline`` keeps
    line breaks and tabs (CR too: clients on Windows send CRLF).
    """

    code = "invisible_character"

    def __init__(self, *, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, value: str) -> None:
        for character in value:
            if _is_invisible(character, multiline=self.multiline):
                raise ValidationError(
                    "Remove the invisible character U+%(point)04X: control and text-direction characters "
                    "can disguise what the text says.",
                    code=self.code,
                    params={"point": ord(character)},
                )


# [copier] if social
def invisible_characters_strip(value: str) -> str:
    """A single line of text without the characters ``VisibleTextValidator`` refuses.

    For text nobody can be asked to correct, such as the name a login provider sends.
    """
    return "".join(character for character in value if not _is_invisible(character, multiline=False))


# [copier] end
