"""Markdown to HTML that is safe to insert into a page.

Also what editors and readers see about a body: its images without alt text (the admin refuses
them) and its length (word count and reading time), both read from the rendered HTML, so Markdown
syntax and raw HTML count as they show.

Markdown passes raw HTML through, so its output is cleaned with nh3 (an allow-list
sanitiser): no <script>, no on* handlers, no javascript: or data: URLs.
"""

import html as html_lib
import math
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown as markdown_lib
import nh3

_ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "img", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
}


def markdown_render(*, source: str) -> str:
    html = markdown_lib.markdown(source, extensions=["extra", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


# Words a minute of an adult reading on screen; the common figure behind "N min read".
WORDS_PER_MINUTE = 200
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")  # apostrophes (straight or typographic) and hyphens join a word


@dataclass(frozen=True)
class BodyFacts:
    words: int
    reading_minutes: int
    images_without_alt: list[str]


class _ImageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images_without_alt: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            if not (values.get("alt") or "").strip():
                self.images_without_alt.append(values.get("src") or "")


def body_words(*, html: str) -> int:
    """Words of rendered HTML as readers see them. Tags are cut with a pattern, not parsed: this
    runs on each article detail the cache misses, and the sanitiser's output is well-formed."""
    return len(_WORD.findall(html_lib.unescape(_TAG.sub("", html))))


def reading_minutes(*, words: int) -> int:
    """Whole minutes, rounded up; 0 only for an empty body."""
    return math.ceil(words / WORDS_PER_MINUTE)


def body_facts(*, html: str) -> BodyFacts:
    """Facts about rendered (``markdown_render``) HTML for the editor: words, minutes to read, and
    the ``src`` of each image whose alt text is missing or blank."""
    images = _ImageReader()
    images.feed(html)
    images.close()
    words = body_words(html=html)
    return BodyFacts(
        words=words, reading_minutes=reading_minutes(words=words), images_without_alt=images.images_without_alt
    )
