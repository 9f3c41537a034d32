/**
 * @jest-environment node
 */
import { sanitizeArticleHtml } from "@/features/articles/sanitize";

test("keeps article formatting", () => {
  const html =
    '<h2>Title</h2><p>Some <strong>bold</strong> and <a href="https://example.com">a link</a>.</p>';
  expect(sanitizeArticleHtml(html)).toBe(
    '<h2>Title</h2><p>Some <strong>bold</strong> and <a href="https://example.com" rel="noopener noreferrer nofollow">a link</a>.</p>',
  );
});

test("removes scripts, event handlers, iframes and javascript: URLs", () => {
  const html =
    '<p onclick="steal()">Hi</p><script>steal()</script><iframe src="https://evil.example"></iframe>' +
    '<a href="javascript:steal()">x</a><img src="x" onerror="steal()">';
  const clean = sanitizeArticleHtml(html);
  expect(clean).not.toMatch(/script|onclick|onerror|iframe|javascript:/i);
  expect(clean).toContain("<p>Hi</p>");
});

test("drops ids, so article HTML cannot clobber the page's own ids or create DOM globals", () => {
  const html =
    '<h2 id="comments-heading">Title</h2><div id="main"><p id="x">Hi</p></div>' +
    '<a id="fetch" href="#main">top</a><img id="defaultView" src="https://example.com/a.png">';
  const clean = sanitizeArticleHtml(html);
  expect(clean).not.toMatch(/\sid=/i);
  expect(clean).toContain("<h2>Title</h2>");
  expect(clean).toContain("<p>Hi</p>");
});

test("code keeps only language-* classes, not the app's layout classes", () => {
  const clean = sanitizeArticleHtml(
    '<pre><code class="language-ts fixed inset-0 z-50">x</code></pre><p class="fixed">y</p>',
  );
  expect(clean).toBe('<pre><code class="language-ts">x</code></pre><p>y</p>');
});
