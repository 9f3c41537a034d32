import sanitizeHtml from "sanitize-html";

/**
 * The backend already cleans article HTML; this second pass on the server keeps a bug or a
 * compromised editor account from turning into stored XSS here. No script, style, iframe or
 * event handler survives, and links to other sites open without access to this window. No `id`
 * survives either: article HTML must not clobber the page's own ids (#main, #comments-heading) or
 * create DOM globals, and the backend's renderer (apps/content/markdown.py) emits none, so no
 * heading anchor or in-page link depends on one.
 */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== "iframe"),
      "img",
      "figure",
      "figcaption",
    ],
    allowedAttributes: {
      a: ["href", "title", "rel", "target"],
      img: ["src", "alt", "title", "width", "height", "loading"],
      code: ["class"],
    },
    // Only syntax-highlighting hints: the app's own utility classes (e.g. "fixed inset-0") could
    // lay article content over the page.
    allowedClasses: { code: ["language-*"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    transformTags: {
      a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    },
  });
}
