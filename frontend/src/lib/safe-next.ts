/**
 * Returns `next` when it is a path on this site, else `fallback`. Login and callback pages
 * redirect to a URL taken from the query string; an absolute or protocol-relative value
 * ("//evil.example") would make them an open redirect.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return fallback;
  }
  return next;
}
