import { env } from "@/env";

// Runs in the browser before the app hydrates. Without NEXT_PUBLIC_SENTRY_DSN at build time this
// is all a page gets: the setup and the SDK are chunks of their own, fetched only with a DSN.
if (env.sentry.browserDsn) {
  void import("@/lib/sentry").then(({ sentryStart }) => sentryStart("browser"));
}
