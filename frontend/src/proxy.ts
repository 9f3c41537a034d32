import createIntlMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";

import { routing } from "@/i18n/routing";
import { buildContentSecurityPolicy, createNonce } from "@/lib/csp";

const intl = createIntlMiddleware(routing);

/**
 * Runs for every page request: next-intl picks the locale (redirect or rewrite), and each
 * response gets a CSP with a fresh nonce. The nonce travels to the renderer on the request
 * headers; next-intl forwards them when it rewrites.
 */
export default function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = buildContentSecurityPolicy(nonce);
  request.headers.set("x-nonce", nonce);
  request.headers.set("Content-Security-Policy", csp);

  const response = intl(request);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything except the backend proxy paths, Next.js internals and files with an extension.
  matcher: ["/((?!api|media|_next|_vercel|.*\\..*).*)"],
};
