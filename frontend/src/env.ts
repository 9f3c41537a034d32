/**
 * The one place that reads the environment (STYLE.md: "every NEXT_PUBLIC_* read in one env.ts").
 *
 * Server-only values are read at request time by the Node server (proxy.ts, Server Components)
 * and at build time by next.config.ts. In browser bundles the server-only variables are
 * simply undefined (Next.js inlines only NEXT_PUBLIC_*) and fall back to their defaults, which
 * client code never uses; so the one secret, REVALIDATE_SECRET, never reaches a browser.
 */

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export const env = {
  /** Where the Django backend listens. next.config.ts proxies /api and /media to it; SSR calls it directly. */
  backendUrl: (process.env.BACKEND_URL ?? "http://127.0.0.1:8000").replace(/\/$/, ""),
  /** Public origin of this site, used for absolute Open Graph URLs. */
  siteUrl: (process.env.SITE_URL ?? "http://localhost:3000").replace(/\/$/, ""),
  /**
   * Extra origins the browser may load images from and upload files to (S3 or LocalStack,
   * e.g. "http://localhost:4566"), added to the CSP img-src and connect-src.
   */
  mediaOrigins: list(process.env.MEDIA_ORIGINS),
  /**
   * The shared secret the backend signs its revalidation calls with (HMAC-SHA256, the backend's
   * REVALIDATE_SECRET). Server-only; without it src/app/cms/revalidate refuses every call.
   */
  revalidateSecret: process.env.REVALIDATE_SECRET ?? "",
  /**
   * The longest a cached content read lives without a revalidation call (seconds): the safety
   * net for a call that never arrived. Revalidation makes changes show at once.
   */
  revalidateSeconds: Number(process.env.REVALIDATE_SECONDS ?? 3600) || 3600,
  isProduction: process.env.NODE_ENV === "production",
  /**
   * OTLP/HTTP collector base URL (e.g. "http://jaeger:4318"). Set, the Next.js server exports its
   * spans there (src/instrumentation.ts); unset, it starts no tracing SDK.
   */
  otlpEndpoint: (process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? "").replace(/\/$/, ""),
  /**
   * Sentry (src/lib/sentry.ts): off while no DSN is set, and then not even loaded. The
   * NEXT_PUBLIC_ values are built into the browser bundle; the server may use its own DSN.
   */
  sentry: {
    browserDsn: process.env.NEXT_PUBLIC_SENTRY_DSN ?? "",
    serverDsn: process.env.SENTRY_DSN || process.env.NEXT_PUBLIC_SENTRY_DSN || "",
    environment:
      process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT || process.env.NODE_ENV || "development",
    release: process.env.NEXT_PUBLIC_SENTRY_RELEASE || undefined,
  },
} as const;
