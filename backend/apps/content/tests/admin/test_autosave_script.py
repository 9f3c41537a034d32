"""The autosave script (static/content/autosave.js) in a real browser: headless Chromium runs it
on a copy of the article form's fields, with scenarios set up and checked by page scripts."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs a Chromium to run the script")

FORM = """
<form id="article_form" method="post">
  <input type="hidden" name="csrfmiddlewaretoken" value="token">
  <input type="text" name="title" value="Title on the server">
  <textarea name="body">Body on the server</textarea>
  <input type="hidden" name="edit_version" value="{version}"
    data-autosave-found="Kept text from %s." data-autosave-restore="Restore" data-autosave-discard="Discard">
  <input type="hidden" name="comments-TOTAL_FORMS" value="0">
</form>
"""


def _run(tmp_path: Path, *, version: int, before: str, after: str) -> dict:
    """Loads a page with the form: ``before`` runs ahead of the script, ``after`` behind it and
    sets ``window.result``; returns that result."""
    script = finders.find("content/autosave.js")
    page = tmp_path / "change.html"
    page.write_text(
        f"""<html><body><pre id="out"></pre>
        <script>var key = "newsroom-autosave:" + location.pathname; {before}</script>
        {FORM.format(version=version)}
        <script src="file://{script}"></script>
        <script>{after}
          setTimeout(function () {{ document.getElementById("out").textContent = JSON.stringify(window.result); }}, 3000);
        </script></body></html>"""
    )
    dom = subprocess.run(  # noqa: S603 - the browser found above, on a page this test wrote
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--allow-file-access-from-files",
            "--virtual-time-budget=10000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    match = re.search(r'<pre id="out">(.*?)</pre>', dom, re.DOTALL)
    assert match, dom
    return json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def _draft(version: int, submitted: bool) -> str:
    draft = {
        "version": str(version),
        "savedAt": "2026-12-06T06:00:00Z",
        "submitted": submitted,
        "fields": {"title": "My unsaved title", "body": "My unsaved body"},
    }
    return f"localStorage.setItem(key, {json.dumps(json.dumps(draft))});"


def test_text_typed_into_the_form_is_kept_in_the_browser(tmp_path):
    result = _run(
        tmp_path,
        version=3,
        before="",
        after="""
          var title = document.querySelector("[name=title]");
          title.value = "Typed";
          title.dispatchEvent(new Event("input", {bubbles: true}));
          setTimeout(function () { window.result = JSON.parse(localStorage.getItem(key)); }, 2500);
        """,
    )

    assert result["fields"] == {"title": "Typed", "body": "Body on the server"}
    assert (result["version"], result["submitted"]) == ("3", False)


def test_after_an_expired_session_the_form_offers_the_text_back_and_restores_it(tmp_path):
    # The save went to the login page; back on the form, the version is still the one typed on.
    result = _run(
        tmp_path,
        version=3,
        before=_draft(3, submitted=True),
        after="""
          var notice = document.querySelector(".autosave-notice");
          var offered = notice.textContent;
          notice.querySelector("button").click();
          window.result = {
            offered: offered,
            title: document.querySelector("[name=title]").value,
            body: document.querySelector("[name=body]").value,
            noticeGone: document.querySelector(".autosave-notice") === null,
          };
        """,
    )

    assert result["offered"].startswith("Kept text from")
    assert (result["title"], result["body"], result["noticeGone"]) == ("My unsaved title", "My unsaved body", True)


def test_a_restored_draft_keeps_the_version_it_was_written_on(tmp_path):
    # Someone else saved meanwhile (version 4): saving the restored text must meet the edit lock.
    result = _run(
        tmp_path,
        version=4,
        before=_draft(3, submitted=False),
        after="""
          document.querySelector(".autosave-notice button").click();
          window.result = {version: document.querySelector("[name=edit_version]").value};
        """,
    )

    assert result == {"version": "3"}


def test_a_draft_whose_save_went_through_is_forgotten(tmp_path):
    result = _run(
        tmp_path,
        version=4,
        before=_draft(3, submitted=True),
        after="""window.result = {
          notice: document.querySelector(".autosave-notice") !== null, kept: localStorage.getItem(key)
        };""",
    )

    assert result == {"notice": False, "kept": None}


def test_discarding_forgets_the_draft(tmp_path):
    result = _run(
        tmp_path,
        version=3,
        before=_draft(3, submitted=False),
        after="""
          document.querySelectorAll(".autosave-notice button")[1].click();
          window.result = {kept: localStorage.getItem(key), title: document.querySelector("[name=title]").value};
        """,
    )

    assert result == {"kept": None, "title": "Title on the server"}
