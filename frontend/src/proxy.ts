import createIntlMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";

import { env } from "@/env";
import { routing } from "@/i18n/routing";
import { buildContentSecurityPolicy, createNonce } from "@/lib/csp";

const intl = createIntlMiddleware(routing);

/**
 * /api and /media go to the backend (same origin for the browser, so the refresh cookie is
 * first-party). This runs here rather than as next.config.ts rewrites for two reasons: those
 * drop the trailing slash every Django URL ends with, and they are frozen into the build,
 * while BACKEND_URL is read here when the server runs. Behind nginx these paths never arrive.
 */
function forwardToBackend(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // The public host, so absolute URLs Django builds (redirects, links) point back here.
  const headers = new Headers(request.headers);
  headers.set("x-forwarded-host", request.headers.get("host") ?? request.nextUrl.host);
  return NextResponse.rewrite(new URL(`${pathname}${search}`, env.backendUrl), {
    request: { headers },
  });
}

/**
 * Runs for every page request: next-intl picks the locale (redirect or rewrite), and each
 * response gets a CSP with a fresh nonce. The nonce travels to the renderer on the request
 * headers; next-intl forwards them when it rewrites.
 */
export default function proxy(request: NextRequest) {
  if (/^\/(api|media)\//.test(request.nextUrl.pathname)) return forwardToBackend(request);

  const nonce = createNonce();
  const csp = buildContentSecurityPolicy(nonce);
  request.headers.set("Content-Security-Policy", csp);

  const response = intl(request);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages (not Next.js internals, /healthz, the route handlers under /site/ or files with an
  // extension such as /feed.xml and /sitemap.xml) plus the backend paths.
  matcher: [
    "/((?!api/|media/|cms/|_next|_vercel|healthz|.*\\..*).*)",
    "/api/:path*",
    "/media/:path*",
  ],
};
