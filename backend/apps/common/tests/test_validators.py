"""Which characters VisibleTextValidator refuses (issue 15, finding 9), and what stripping keeps."""

import pytest
from django.core.exceptions import ValidationError

from apps.common.validators import (
    VisibleTextValidator,
    # [copier] if social
    invisible_characters_strip,
    # [copier] end
)

REFUSED = {
    "right-to-left override": "\u202e",
    "left-to-right embedding": "\u202a",
    "first strong isolate": "\u2068",
    "pop directional isolate": "\u2069",
    "left-to-right mark": "\u200e",
    "arabic letter mark": "\u061c",
    "byte-order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "tag latin small a": "\U000e0061",
    "escape": "\x1b",
    "delete": "\x7f",
    "next line": "\x85",
}


@pytest.mark.parametrize("character", REFUSED.values(), ids=REFUSED.keys())
@pytest.mark.parametrize("multiline", [False, True])
def test_control_and_format_characters_are_refused(character, multiline):
    with pytest.raises(ValidationError) as refused:
        VisibleTextValidator(multiline=multiline)(f"abc{character}def")

    assert refused.value.code == "invisible_character"


@pytest.mark.parametrize("character", ["\n", "\r", "\t"])
def test_line_breaks_and_tabs_only_in_multi_line_text(character):
    VisibleTextValidator(multiline=True)(f"one{character}two")
    with pytest.raises(ValidationError):
        VisibleTextValidator()(f"one{character}two")


def test_joiners_and_every_script_pass():
    VisibleTextValidator()(
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001f469\u200d\U0001f4bb \u05e9\u05dc\u05d5\u05dd Zoë"
    )


# [copier] if social
def test_stripping_drops_what_the_validator_refuses_and_keeps_the_rest():
    assert invisible_characters_strip("A\u202eda\u200c\n L\u2066ove\x1blace") == "Ada\u200c Lovelace"


# [copier] end
