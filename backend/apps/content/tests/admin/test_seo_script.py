"""The search and sharing script (static/content/seo.js) in a real browser: headless Chromium runs
it on a copy of the article form's fields and the preview, typing into them by page script."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs a Chromium to run the script")

COUNTER = 'data-seo-count="%(count)s of about %(hint)s" data-seo-over="%(count)s: over %(hint)s"'
FORM = f"""
<form>
  <input name="title" value="The article's title">
  <input name="slug" value="the-slug">
  <textarea name="summary">The summary</textarea>
  <input name="meta_title" value="" data-seo-hint="60" {COUNTER}>
  <textarea name="meta_description" data-seo-hint="160" {COUNTER}></textarea>
  <input type="checkbox" name="remove_social_image">
  <input type="checkbox" name="remove_cover">
</form>
<div data-seo-preview data-site="https://site.example" data-social="social.webp" data-cover="cover.webp"
     data-title-hint="60" data-description-hint="160">
  <div data-seo-url></div><div id="search-title" data-seo-title></div><div data-seo-description></div>
  <img data-seo-image alt="">
</div>
"""


def _run(tmp_path: Path, actions: str) -> dict:
    """Loads the form with the script, runs ``actions`` (which set ``window.result``) and returns it."""
    script = finders.find("content/seo.js")
    page = tmp_path / "change.html"
    page.write_text(
        f"""<html><body><pre id="out"></pre>{FORM}
        <script src="file://{script}"></script>
        <script>
          function type(name, text) {{
            var field = document.querySelector("[name=" + name + "]");
            field.value = text;
            field.dispatchEvent(new Event("input"));
          }}
          function tick(name) {{
            var box = document.querySelector("[name=" + name + "]");
            box.checked = true;
            box.dispatchEvent(new Event("change"));
          }}
          function shown() {{
            var counters = document.querySelectorAll(".seo-counter");
            var image = document.querySelector("[data-seo-image]");
            return {{
              titleCounter: counters[0].textContent,
              titleOver: counters[0].classList.contains("seo-counter-over"),
              descriptionCounter: counters[1].textContent,
              url: document.querySelector("[data-seo-url]").textContent,
              title: document.getElementById("search-title").textContent,
              description: document.querySelector("[data-seo-description]").textContent,
              image: image.hidden ? null : image.getAttribute("src"),
            }};
          }}
          // After the script's own start (it waits for the page, as in the admin).
          document.addEventListener("DOMContentLoaded", function () {{
            {actions}
            document.getElementById("out").textContent = JSON.stringify(window.result);
          }});
        </script></body></html>"""
    )
    dom = subprocess.run(  # noqa: S603 - the browser found above, on a page this test wrote
        [
            CHROMIUM,
            *("--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}"),
            *("--allow-file-access-from-files", "--dump-dom", page.as_uri()),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    match = re.search(r'<pre id="out">(.*?)</pre>', dom, re.DOTALL)
    assert match, dom
    return json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def test_empty_meta_fields_show_the_title_summary_and_social_image(tmp_path):
    result = _run(tmp_path, "window.result = shown();")

    assert result == {
        "titleCounter": "0 of about 60",
        "titleOver": False,
        "descriptionCounter": "0 of about 160",
        "url": "https://site.example/articles/the-slug",
        "title": "The article's title",
        "description": "The summary",
        "image": "social.webp",
    }


def test_typing_updates_the_counter_and_the_preview_and_warns_past_the_hint(tmp_path):
    result = _run(
        tmp_path,
        """
        type("meta_title", "Short");
        var short = shown();
        type("meta_title", "x".repeat(70));
        type("slug", "new-slug");
        window.result = {short: short, long: shown()};
        """,
    )

    assert result["short"]["titleCounter"] == "5 of about 60"
    assert result["short"]["title"] == "Short"
    assert result["long"]["titleCounter"] == "70: over 60"
    assert result["long"]["titleOver"] is True
    assert result["long"]["title"] == "x" * 59 + "…"  # cut like a search result
    assert result["long"]["url"] == "https://site.example/articles/new-slug"


def test_removing_the_social_image_shows_the_cover_and_then_nothing(tmp_path):
    result = _run(
        tmp_path,
        """
        tick("remove_social_image");
        var cover = shown().image;
        tick("remove_cover");
        window.result = {cover: cover, none: shown().image};
        """,
    )

    assert result == {"cover": "cover.webp", "none": None}
