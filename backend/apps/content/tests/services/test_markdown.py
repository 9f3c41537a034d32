"""The body's renderer and the facts read from it: sanitising, images without alt text, word count
and reading time (the admin's preview, its save check and the article API all use these)."""

import pytest

from apps.content.markdown import WORDS_PER_MINUTE, body_facts, markdown_render


def _facts(source: str):
    return body_facts(html=markdown_render(source=source))


def test_a_markdown_image_keeps_its_alt_text_and_a_relative_address():
    html = markdown_render(source="![A red square](/api/v1/images/1b7e/)")
    assert html == '<p><img alt="A red square" src="/api/v1/images/1b7e/"></p>'
    assert _facts("![A red square](/api/v1/images/1b7e/)").images_without_alt == []


@pytest.mark.parametrize(
    "source",
    [
        "![](/api/v1/images/1/)",
        "![   ](/api/v1/images/1/)",
        '<img src="/api/v1/images/1/">',
        '<img src="/api/v1/images/1/" alt="">',
    ],
)
def test_images_without_alt_text_are_found_by_address(source):
    assert _facts(source).images_without_alt == ["/api/v1/images/1/"]


def test_sanitising_still_strips_handlers_and_scripts_around_images():
    html = markdown_render(source='<img src="x.png" alt="x" onerror="alert(1)"><script>alert(2)</script>')
    assert "onerror" not in html
    assert "<script" not in html
    assert "alert(2)" not in html


def test_words_count_what_readers_see_not_the_markup():
    facts = _facts("# A title\n\nSome **bold** text, a [link](https://example.com) and `code`.\n\n- one\n- two")
    # A, title, Some, bold, text, a, link, and, code, one, two
    assert facts.words == 11
    assert facts.reading_minutes == 1


def test_reading_time_rounds_up_whole_minutes_and_is_zero_for_an_empty_body():
    assert _facts("").reading_minutes == 0
    assert _facts(" ".join(["word"] * WORDS_PER_MINUTE)).reading_minutes == 1
    assert _facts(" ".join(["word"] * (WORDS_PER_MINUTE + 1))).reading_minutes == 2


def test_contractions_and_hyphenated_words_count_once_and_so_do_german_words():
    assert _facts("Don't re-enter the Straße, schön.").words == 5  # Don't, re-enter, the, Straße, schön
