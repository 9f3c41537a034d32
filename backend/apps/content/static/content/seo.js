/* Search and sharing in the article form (apps/content/admin/seo.py): a live length counter under
 * the meta title and description that warns past its hint, and the preview of the search result
 * and the shared-link card, redrawn from the form as it is typed. Empty meta fields fall back to
 * the title and the summary, and the social image to the cover, as on the site.
 * A file, not an inline script: the admin's Content-Security-Policy allows none.
 */
(function () {
  "use strict";

  function byName(name) {
    return document.querySelector("[name='" + name + "']");
  }

  function value(name) {
    var element = byName(name);
    return element ? element.value.trim() : "";
  }

  function format(template, count, hint) {
    return template.replace("%(count)s", count).replace("%(hint)s", hint);
  }

  // Search results cut a long title or description; the preview cuts alike (at the hint).
  function cut(text, hint) {
    return text.length > hint ? text.slice(0, hint - 1).trimEnd() + "\u2026" : text;
  }

  function counter(input) {
    var note = document.createElement("p");
    note.className = "seo-counter";
    note.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", note);
    function update() {
      var hint = Number(input.dataset.seoHint);
      var count = input.value.length;
      var over = count > hint;
      note.textContent = format(over ? input.dataset.seoOver : input.dataset.seoCount, count, hint);
      note.classList.toggle("seo-counter-over", over);
    }
    input.addEventListener("input", update);
    update();
  }

  function preview(box) {
    var image = box.querySelector("[data-seo-image]");
    // Pictures picked but not saved yet, as data: URLs (the CSP allows data: images, not blob:).
    var chosen = { social: null, cover: null };

    function imageUrl() {
      var removeSocial = byName("remove_social_image");
      var removeCover = byName("remove_cover");
      var social = removeSocial && removeSocial.checked ? "" : box.dataset.social;
      var cover = removeCover && removeCover.checked ? "" : box.dataset.cover;
      return chosen.social || social || chosen.cover || cover || "";
    }

    function update() {
      var title = value("meta_title") || value("title");
      var description = value("meta_description") || value("summary");
      box.querySelectorAll("[data-seo-title]").forEach(function (element) {
        element.textContent = cut(title, Number(box.dataset.titleHint));
      });
      box.querySelectorAll("[data-seo-description]").forEach(function (element) {
        element.textContent = cut(description, Number(box.dataset.descriptionHint));
      });
      var url = box.querySelector("[data-seo-url]");
      if (url) {
        url.textContent = box.dataset.site + "/articles/" + value("slug");
      }
      var src = imageUrl();
      image.hidden = !src;
      if (src) {
        image.src = src;
      } else {
        image.removeAttribute("src");
      }
    }

    function readFile(name, slot) {
      var input = byName(name);
      if (!input) {
        return;
      }
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        chosen[slot] = null;
        if (!file || !/^image\//.test(file.type)) {
          update();
          return;
        }
        var reader = new FileReader();
        reader.addEventListener("load", function () {
          chosen[slot] = reader.result;
          update();
        });
        reader.readAsDataURL(file);
      });
    }

    ["title", "slug", "summary", "meta_title", "meta_description"].forEach(function (name) {
      var element = byName(name);
      if (element) {
        element.addEventListener("input", update);
      }
    });
    ["remove_social_image", "remove_cover"].forEach(function (name) {
      var element = byName(name);
      if (element) {
        element.addEventListener("change", update);
      }
    });
    readFile("new_social_image", "social");
    readFile("new_cover", "cover");
    update();
  }

  function start() {
    document.querySelectorAll("[data-seo-hint]").forEach(counter);
    document.querySelectorAll("[data-seo-preview]").forEach(preview);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
