// Runs in the browser before the app hydrates. Without NEXT_PUBLIC_SENTRY_DSN at build time the
// condition compiles to `if ("")` and the whole file to nothing: no page pays for Sentry. It reads
// the variable itself rather than through src/env.ts, whose other (server) reads would pull the
// `process` polyfill and the env module into every page's first load (docs/frontend.md).
if (process.env.NEXT_PUBLIC_SENTRY_DSN) {
  void import("@/lib/sentry").then(({ sentryStart }) => sentryStart("browser"));
}
