/* The article body's Markdown editor: a toolbar, a live preview rendered by the site's own code
 * (the admin's markdown-preview endpoint, apps/content/admin/writing.py), word count and reading
 * time. Images (paste, drop, the media library) are in editor-images.js, which uses the helpers
 * this file puts on window.newsroomEditor.
 *
 * A file, not an inline script: the admin's Content-Security-Policy allows none. Its words are
 * translated on the textarea's data-editor-text-* attributes. A failing preview is shown in the
 * preview pane, never thrown: the text in the textarea is all that matters.
 */
(function () {
  "use strict";

  var PREVIEW_DELAY_MS = 400;

  function text(textarea, key, values) {
    var template = textarea.getAttribute("data-editor-text-" + key) || key;
    return template.replace(/%\((\w+)\)s/g, function (match, name) {
      return values && name in values ? String(values[name]) : match;
    });
  }

  function csrfToken(textarea) {
    var field = textarea.form && textarea.form.querySelector("input[name='csrfmiddlewaretoken']");
    return field ? field.value : "";
  }

  /* JSON to an admin endpoint with the session and CSRF token. Resolves to {ok, data} or
   * {ok: false, message}; never rejects, so callers show the message instead of failing. */
  function requestJson(textarea, url, options) {
    var init = { method: options.method || "GET", credentials: "same-origin", signal: options.signal, headers: {} };
    init.headers.Accept = "application/json";
    if (options.body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.headers["X-CSRFToken"] = csrfToken(textarea);
      init.body = JSON.stringify(options.body);
    }
    return fetch(url, init).then(
      function (response) {
        return response
          .json()
          .catch(function () {
            return null;
          })
          .then(function (data) {
            if (response.ok && data) {
              return { ok: true, data: data };
            }
            if (data && data.code === "not_authenticated") {
              return { ok: false, message: text(textarea, "session-expired") };
            }
            return { ok: false, message: (data && data.detail) || response.status + " " + response.statusText };
          });
      },
      function (error) {
        if (error && error.name === "AbortError") {
          return { ok: false, aborted: true };
        }
        return { ok: false, message: text(textarea, "preview-offline") };
      }
    );
  }

  /* Replaces the selection with `before + (selection or placeholder) + after`, selects the
   * placeholder part, and tells the preview and the autosave that the text changed. */
  function insert(textarea, before, after, placeholder) {
    var start = textarea.selectionStart;
    var end = textarea.selectionEnd;
    var selected = textarea.value.slice(start, end) || placeholder || "";
    textarea.setRangeText(before + selected + (after || ""), start, end, "end");
    textarea.setSelectionRange(start + before.length, start + before.length + selected.length);
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  /* Each selected line (or the caret's line) starts with `prefix` (a function of the line's index). */
  function prefixLines(textarea, prefix) {
    var value = textarea.value;
    var start = value.lastIndexOf("\n", textarea.selectionStart - 1) + 1;
    var end = value.indexOf("\n", textarea.selectionEnd);
    end = end < 0 ? value.length : end;
    var lines = value.slice(start, end).split("\n").map(function (line, index) {
      return prefix(index) + line;
    });
    textarea.setRangeText(lines.join("\n"), start, end, "select");
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function block(textarea, snippet) {
    var before = textarea.value.slice(0, textarea.selectionStart);
    var gap = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    insert(textarea, gap + snippet + "\n\n", "", "");
  }

  var TOOLS = [
    ["heading", "format_h2", function (t) { prefixLines(t, function () { return "## "; }); }],
    ["bold", "format_bold", function (t) { insert(t, "**", "**", text(t, "bold")); }],
    ["italic", "format_italic", function (t) { insert(t, "_", "_", text(t, "italic")); }],
    ["bulleted-list", "format_list_bulleted", function (t) { prefixLines(t, function () { return "- "; }); }],
    ["numbered-list", "format_list_numbered", function (t) { prefixLines(t, function (i) { return i + 1 + ". "; }); }],
    ["link", "link", function (t) {
      var url = window.prompt(text(t, "link-url"), "https://");
      if (url) insert(t, "[", "](" + url.replace(/\)/g, "%29") + ")", text(t, "link"));
    }],
    ["quote", "format_quote", function (t) { prefixLines(t, function () { return "> "; }); }],
    ["code", "code", function (t) {
      if (t.value.slice(t.selectionStart, t.selectionEnd).indexOf("\n") >= 0) insert(t, "```\n", "\n```");
      else insert(t, "`", "`", text(t, "code"));
    }],
    ["table", "table", function (t) { block(t, text(t, "table-template")); }],
    ["image", "image", function (t) { t.dispatchEvent(new CustomEvent("editor:choose-file")); }],
    ["library", "photo_library", function (t) { t.dispatchEvent(new CustomEvent("editor:open-library")); }],
  ];

  function toolbar(textarea) {
    var bar = document.createElement("div");
    bar.className = "markdown-editor-toolbar";
    bar.setAttribute("role", "toolbar");
    TOOLS.forEach(function (tool) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "markdown-editor-tool markdown-editor-tool-" + tool[0];
      // unfold's icon font (Material Symbols): the icon's name is its text, hidden from screen readers.
      var icon = document.createElement("span");
      icon.className = "material-symbols-outlined";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = tool[1];
      button.appendChild(icon);
      button.title = text(textarea, tool[0]);
      button.setAttribute("aria-label", text(textarea, tool[0]));
      button.setAttribute("data-tool", tool[0]);
      button.addEventListener("click", function () {
        tool[2](textarea);
      });
      bar.appendChild(button);
    });
    return bar;
  }

  function livePreview(textarea, pane, status) {
    var timer = null;
    var inFlight = null;

    function show(result) {
      if (result.aborted) return;
      if (!result.ok) {
        status.textContent = text(textarea, "preview-failed", { reason: result.message });
        status.classList.add("markdown-editor-error");
        return;
      }
      status.classList.remove("markdown-editor-error");
      var counts = text(textarea, "counts", { words: result.data.words, minutes: result.data.readingMinutes });
      var missing = result.data.imagesWithoutAlt;
      status.textContent = missing ? counts + " · " + text(textarea, "missing-alt", { count: missing }) : counts;
      // HTML from the site's renderer, sanitised on the server (apps/content/markdown.py).
      pane.innerHTML = result.data.html;
    }

    function render() {
      if (inFlight) inFlight.abort();
      inFlight = new AbortController();
      var url = textarea.getAttribute("data-editor-preview-url");
      requestJson(textarea, url, { method: "POST", body: { body: textarea.value }, signal: inFlight.signal }).then(show);
    }

    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(render, PREVIEW_DELAY_MS);
    });
    render();
  }

  function setUp(textarea) {
    var editor = document.createElement("div");
    editor.className = "markdown-editor";
    textarea.parentNode.insertBefore(editor, textarea);
    var panes = document.createElement("div");
    panes.className = "markdown-editor-panes";
    var pane = document.createElement("div");
    pane.className = "markdown-editor-preview";
    pane.setAttribute("aria-label", text(textarea, "preview"));
    pane.setAttribute("aria-live", "polite");
    var status = document.createElement("p");
    status.className = "markdown-editor-status";
    status.setAttribute("data-editor-status", "");
    editor.appendChild(toolbar(textarea));
    panes.appendChild(textarea);
    panes.appendChild(pane);
    editor.appendChild(panes);
    editor.appendChild(status);
    textarea.classList.add("markdown-editor-source");
    livePreview(textarea, pane, status);
  }

  window.newsroomEditor = { text: text, requestJson: requestJson, insert: insert, block: block };

  function start() {
    document.querySelectorAll("textarea[data-markdown-editor]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
