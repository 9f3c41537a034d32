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
