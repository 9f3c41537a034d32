"""Markdown to HTML that is safe to insert into a page.

Also what editors and readers see about a body: its images without alt text (the admin refuses
them) and its length (word count and reading time), both read from the rendered HTML, so Markdown
syntax and raw HTML count as they show.

Markdown passes raw HTML through, so its output is cleaned with nh3 (an allow-list
sanitiser): no <script>, no on* handlers, no javascript: or data: URLs.
"""

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
_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")  # apostrophes (straight or typographic) and hyphens join a word


@dataclass(frozen=True)
class BodyFacts:
    words: int
    reading_minutes: int
    images_without_alt: list[str]


class _BodyReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.images_without_alt: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            if not (values.get("alt") or "").strip():
                self.images_without_alt.append(values.get("src") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def body_facts(*, html: str) -> BodyFacts:
    """Facts about rendered (``markdown_render``) HTML: words, minutes to read (at least 1 when
    there is any word), and the ``src`` of each image whose alt text is missing or blank."""
    reader = _BodyReader()
    reader.feed(html)
    reader.close()
    words = len(_WORD.findall("".join(reader.text)))
    return BodyFacts(
        words=words,
        reading_minutes=math.ceil(words / WORDS_PER_MINUTE),
        images_without_alt=reader.images_without_alt,
    )
