/* Images in the article body's Markdown editor: paste or drop an image (or pick a file), describe
 * it in a small dialog (alt text is required), and it is uploaded straight to storage through the
 * uploads pipeline (the admin's upload and finish endpoints, apps/uploads/admin_apis.py: a presigned
 * S3 form, or the local stand-in without S3) into the media library, then inserted as
 * ![alt](/api/v1/images/<id>/). The library dialog reuses an image already uploaded.
 *
 * Needs markdown-editor.js (window.newsroomEditor), loaded before it. Errors are shown under the
 * editor, never thrown; the upload's placeholder leaves the text when it fails.
 */
(function () {
  "use strict";

  var IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];
  var editor = window.newsroomEditor;
  var uploadCount = 0;

  function altEscape(alt) {
    return alt.replace(/\s+/g, " ").replace(/([\\[\]])/g, "\\$1");
  }

  function statusLine(textarea) {
    var container = textarea.closest(".markdown-editor") || textarea.parentNode;
    var line = container.querySelector("[data-editor-upload-status]");
    if (!line) {
      line = document.createElement("p");
      line.className = "markdown-editor-status";
      line.setAttribute("data-editor-upload-status", "");
      line.setAttribute("role", "status");
      container.appendChild(line);
    }
    return line;
  }

  function report(textarea, message, isError) {
    var line = statusLine(textarea);
    line.textContent = message;
    line.classList.toggle("markdown-editor-error", Boolean(isError));
  }

  function dialog(className, heading) {
    var element = document.createElement("dialog");
    element.className = "markdown-editor-dialog " + className;
    element.setAttribute("aria-label", heading);
    var title = document.createElement("h2");
    title.textContent = heading;
    element.appendChild(title);
    // Outside the article form, so the autosave and the save never see the dialog's fields.
    document.body.appendChild(element);
    element.addEventListener("close", function () {
      element.remove();
    });
    return element;
  }

  function button(label, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = label;
    return element;
  }

  /* Asks for the alt text of `file`; resolves to the text, or null when cancelled. */
  function askAltText(textarea, file) {
    return new Promise(function (resolve) {
      var t = function (key) { return editor.text(textarea, key); };
      var box = dialog("markdown-editor-alt-dialog", t("alt-title"));
      var picture = document.createElement("img");
      var objectUrl = URL.createObjectURL(file);
      picture.src = objectUrl;
      picture.alt = "";
      picture.className = "markdown-editor-dialog-picture";
      var label = document.createElement("label");
      label.textContent = t("alt-label");
      var input = document.createElement("input");
      input.type = "text";
      input.name = "alt_text";
      input.maxLength = 300;
      input.required = true;
      label.appendChild(input);
      var problem = document.createElement("p");
      problem.className = "markdown-editor-error";
      problem.setAttribute("role", "alert");
      var actions = document.createElement("div");
      actions.className = "markdown-editor-dialog-actions";
      var ok = button(t("insert"), "markdown-editor-primary");
      var cancel = button(t("cancel"), "markdown-editor-secondary");
      actions.append(ok, cancel);
      box.append(picture, label, problem, actions);
      var answer = null;
      function confirm() {
        if (!input.value.trim()) {
          problem.textContent = t("alt-required");
          input.focus();
          return;
        }
        answer = input.value.trim();
        box.close();
      }
      ok.addEventListener("click", confirm);
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          confirm();
        }
      });
      cancel.addEventListener("click", function () { box.close(); });
      box.addEventListener("close", function () {
        URL.revokeObjectURL(objectUrl);
        textarea.focus();
        resolve(answer);
      });
      box.showModal();
      input.focus();
    });
  }

  function postToStorage(target, file) {
    var form = new FormData();
    Object.keys(target.fields).forEach(function (name) {
      form.append(name, target.fields[name]);
    });
    form.append("file", file);
    // S3 answers 204 (or XML on refusal); the finish step checks what arrived either way.
    return fetch(target.url, { method: "POST", body: form }).then(
      function (response) { return response.ok; },
      function () { return false; }
    );
  }

  function replacePlaceholder(textarea, placeholder, replacement) {
    var at = textarea.value.indexOf(placeholder);
    if (at < 0) return;
    textarea.setRangeText(replacement, at, at + placeholder.length, "preserve");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  async function uploadImage(textarea, file) {
    if (IMAGE_TYPES.indexOf(file.type) < 0) {
      report(textarea, editor.text(textarea, "upload-failed", { reason: file.type || file.name }), true);
      return;
    }
    var alt = await askAltText(textarea, file);
    if (alt === null) return;
    uploadCount += 1;
    var placeholder = "![" + altEscape(alt) + "](uploading-" + uploadCount + ")";
    editor.insert(textarea, placeholder, "", "");
    report(textarea, editor.text(textarea, "uploading"), false);
    var failed = function (message) {
      replacePlaceholder(textarea, placeholder, "");
      report(textarea, editor.text(textarea, "upload-failed", { reason: message }), true);
    };
    var start = await editor.requestJson(textarea, textarea.getAttribute("data-editor-upload-url"), {
      method: "POST",
      body: { filename: file.name || "pasted-image", contentType: file.type, size: file.size },
    });
    if (!start.ok) return failed(start.message);
    await postToStorage(start.data.upload, file);
    var finish = await editor.requestJson(textarea, textarea.getAttribute("data-editor-finish-url"), {
      method: "POST",
      body: { uploadId: start.data.id, altText: alt },
    });
    if (!finish.ok) return failed(finish.message);
    replacePlaceholder(textarea, placeholder, "![" + altEscape(finish.data.altText) + "](" + finish.data.url + ")");
    report(textarea, "", false);
  }

  function imageFiles(transfer) {
    return Array.prototype.filter.call((transfer && transfer.files) || [], function (file) {
      return file.type.indexOf("image/") === 0;
    });
  }

  async function uploadAll(textarea, files) {
    for (var index = 0; index < files.length; index += 1) {
      await uploadImage(textarea, files[index]);
    }
  }

  function openLibrary(textarea) {
    var t = function (key) { return editor.text(textarea, key); };
    var box = dialog("markdown-editor-library", t("library"));
    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = t("library-search");
    search.setAttribute("aria-label", t("library-search"));
    var grid = document.createElement("div");
    grid.className = "markdown-editor-library-grid";
    var close = button(t("cancel"), "markdown-editor-secondary");
    close.addEventListener("click", function () { box.close(); });
    box.append(search, grid, close);
    var timer = null;
    function load() {
      var url = textarea.getAttribute("data-editor-library-url") + "?q=" + encodeURIComponent(search.value);
      editor.requestJson(textarea, url, {}).then(function (result) {
        grid.replaceChildren();
        if (!result.ok) {
          grid.textContent = result.message;
          return;
        }
        if (!result.data.results.length) grid.textContent = t("library-empty");
        result.data.results.forEach(function (image) {
          var choice = button("", "markdown-editor-library-item");
          var picture = document.createElement("img");
          picture.src = image.thumbnailUrl;
          picture.alt = image.altText;
          choice.title = image.altText;
          choice.appendChild(picture);
          choice.addEventListener("click", function () {
            box.close();
            editor.insert(textarea, "![" + altEscape(image.altText) + "](" + image.url + ")", "", "");
          });
          grid.appendChild(choice);
        });
      });
    }
    search.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(load, 300);
    });
    box.showModal();
    load();
  }

  function setUp(textarea) {
    textarea.setAttribute("placeholder", editor.text(textarea, "drop-hint"));
    textarea.addEventListener("paste", function (event) {
      var files = imageFiles(event.clipboardData);
      if (!files.length) return;
      event.preventDefault();
      uploadAll(textarea, files);
    });
    textarea.addEventListener("dragover", function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
        event.preventDefault();
      }
    });
    textarea.addEventListener("drop", function (event) {
      var files = imageFiles(event.dataTransfer);
      if (!files.length) return;
      event.preventDefault();
      uploadAll(textarea, files);
    });
    textarea.addEventListener("editor:choose-file", function () {
      var chooser = document.createElement("input");
      chooser.type = "file";
      chooser.accept = IMAGE_TYPES.join(",");
      chooser.multiple = true;
      chooser.addEventListener("change", function () {
        uploadAll(textarea, Array.prototype.slice.call(chooser.files));
      });
      chooser.click();
    });
    textarea.addEventListener("editor:open-library", function () {
      openLibrary(textarea);
    });
  }

  function start() {
    document.querySelectorAll("textarea[data-markdown-editor]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
