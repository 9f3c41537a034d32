"""Markdown to HTML that is safe to insert into a page.

Markdown passes raw HTML through, so its output is cleaned with nh3 (an allow-list
sanitiser): no <script>, no on* handlers, no javascript: or data: URLs.
"""

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
