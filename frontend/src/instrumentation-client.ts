import { sentryOptions } from "@/lib/sentry";

// Runs in the browser before the app hydrates. The SDK is a chunk of its own, fetched only
// when NEXT_PUBLIC_SENTRY_DSN was set at build time: no DSN, no Sentry code on any page.
const options = sentryOptions("browser");
if (options) {
  void import("@sentry/nextjs").then((Sentry) => Sentry.init(options));
}
