import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: {
    // Compiles ICU messages at build time, so the browser gets no message parser (~10 kB gzip).
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
});

// The Content-Security-Policy needs a per-request nonce, so it is set in src/proxy.ts;
// the static security headers go on every response from here, including static files.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
];

const nextConfig: NextConfig = {
  output: "standalone",
  // Defined even when unset, so the build inlines "" and drops the browser's Sentry loader
  // (src/instrumentation-client.ts) instead of reading it at run time.
  env: { NEXT_PUBLIC_SENTRY_DSN: process.env.NEXT_PUBLIC_SENTRY_DSN ?? "" },
  poweredByHeader: false,
  // `next dev` serves its scripts only to localhost unless told otherwise; scripts/dev.sh and
  // the docs also use 127.0.0.1.
  allowedDevOrigins: ["127.0.0.1"],
  // Django URLs end with a slash: keep Next.js from redirecting /api/v1/x/ to /api/v1/x, so
  // src/proxy.ts can forward the path exactly as the browser sent it.
  skipTrailingSlashRedirect: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
