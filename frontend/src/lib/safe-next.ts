import { firstParam } from "@/lib/search-params";

/** A stand-in origin that no real URL can have; only used to resolve `next` against. */
const BASE = "http://x.invalid";
const MAX_LENGTH = 2048;

// C0 controls and DEL (the URL parser silently strips tab, CR and LF, and trims the rest at the
// ends), plus backslashes (which browsers treat as "/" in special URLs).
const FORBIDDEN = /[\u0000-\u001f\u007f\\]/;

/**
 * Returns `next`, normalised, when it is a path on this site, else `fallback`. Login and callback pages
 * redirect to a URL taken from the query string; an absolute or protocol-relative value
 * ("//evil.example", or "/\t/evil.example", which the URL parser turns into "//evil.example")
 * would make them an open redirect.
 *
 * The value is resolved against a dummy origin and accepted only if the origin is unchanged; the
 * result is the normalised pathname + search + hash, so what the router navigates to is exactly
 * what was checked. A repeated query parameter (string[]) counts by its first value.
 */
export function safeNextPath(
  param: string | readonly string[] | null | undefined,
  fallback = "/",
): string {
  const next = firstParam(param);
  if (!next || next.length > MAX_LENGTH || FORBIDDEN.test(next)) return fallback;
  if (!next.startsWith("/") || next.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse into a protocol-relative path: "/.//evil" resolves to "//evil".
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
