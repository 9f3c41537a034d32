import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { env } from "./src/env";

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
  poweredByHeader: false,
  // Django URLs end with a slash; keep Next from redirecting /api/v1/x/ to /api/v1/x.
  skipTrailingSlashRedirect: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // Browser and API share one origin (cookies stay first-party, CORS stays closed). In
  // docker compose and production nginx routes these paths before they reach Next.js.
  // Rewrites are resolved when the server starts from the build output, so BACKEND_URL
  // must be set at build time for a standalone image that relies on them.
  async rewrites() {
    return [
      { source: "/api/:path*", destination: `${env.backendUrl}/api/:path*` },
      { source: "/media/:path*", destination: `${env.backendUrl}/media/:path*` },
    ];
  },
};

export default withNextIntl(nextConfig);
