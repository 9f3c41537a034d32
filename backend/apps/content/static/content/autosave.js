/* Autosave of the article form to this browser (localStorage), with recovery on return.
 *
 * In the browser, not on the server: a closed tab, a crash or an expired admin session all lose
 * nothing, because the text never depends on a request succeeding. After an expired session the
 * save goes to the login page and back to the form, which then offers the kept text again.
 * A file, not an inline script: the admin's Content-Security-Policy allows none (docs/editors.md).
 */
(function () {
  "use strict";

  var PREFIX = "newsroom-autosave:";
  var DELAY_MS = 2000;

  var version = document.querySelector("input[name='edit_version']");
  var form = version && version.form;
  if (!form || !window.localStorage) {
    return;
  }
  var key = PREFIX + window.location.pathname;

  function fields() {
    // The article's own text inputs: not the inline comment forms, files, checkboxes or the version.
    return Array.prototype.filter.call(form.elements, function (element) {
      var type = element.type || "";
      return (
        element.name &&
        !element.disabled &&
        element.name !== "edit_version" &&
        element.name !== "csrfmiddlewaretoken" &&
        !/-\d+-|-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/.test(element.name) &&
        ["hidden", "file", "checkbox", "radio", "submit", "button", "select-multiple", "password"].indexOf(type) < 0
      );
    });
  }

  function values() {
    var result = {};
    fields().forEach(function (element) {
      result[element.name] = element.value;
    });
    return result;
  }

  function read(name) {
    try {
      return JSON.parse(window.localStorage.getItem(name) || "null");
    } catch (error) {
      return null;
    }
  }

  function write(submitted) {
    var draft = { version: version.value, savedAt: new Date().toISOString(), submitted: submitted, fields: values() };
    try {
      window.localStorage.setItem(key, JSON.stringify(draft));
    } catch (error) {
      // Storage full or refused (private mode): the form still works, only without a net.
    }
  }

  function sameAsForm(draft) {
    var current = values();
    return Object.keys(draft.fields).every(function (name) {
      return !(name in current) || current[name] === draft.fields[name];
    });
  }

  function restore(draft) {
    fields().forEach(function (element) {
      if (element.name in draft.fields) {
        element.value = draft.fields[element.name];
      }
    });
    // Saved against the version the text was written on: a newer one by someone else is then
    // shown as a conflict, never silently overwritten.
    if (draft.version) {
      version.value = draft.version;
    }
  }

  function offer(draft) {
    var notice = document.createElement("div");
    notice.className = "autosave-notice";
    notice.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = version.getAttribute("data-autosave-found").replace("%s", new Date(draft.savedAt).toLocaleString());
    notice.appendChild(text);
    [
      ["data-autosave-restore", function () { restore(draft); }],
      ["data-autosave-discard", function () { window.localStorage.removeItem(key); }],
    ].forEach(function (action) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      button.textContent = version.getAttribute(action[0]);
      button.addEventListener("click", function () {
        action[1]();
        notice.remove();
      });
      notice.appendChild(button);
    });
    form.parentNode.insertBefore(notice, form);
  }

  function forgetSavedAddDraft() {
    // A new article saved from the add page: its draft there is done once this page shows its text.
    var addKey = PREFIX + window.location.pathname.replace(/\/[^/]+\/change\/$/, "/add/");
    var added = addKey !== key && read(addKey);
    if (added && added.submitted && sameAsForm(added)) {
      window.localStorage.removeItem(addKey);
    }
  }

  var draft = read(key);
  var refused = document.querySelector(".errornote, .errorlist") !== null;
  if (draft && draft.fields) {
    var saved = draft.submitted && draft.version && draft.version !== version.value && !refused;
    if (saved || sameAsForm(draft)) {
      window.localStorage.removeItem(key);
    } else {
      offer(draft);
    }
  }
  forgetSavedAddDraft();

  var timer = null;
  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { write(false); }, DELAY_MS);
  }
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
    write(true);
  });
})();
