import type { ErrorEvent, EventHint } from "@sentry/nextjs";

import { env } from "@/env";

import { ApiError } from "./api/errors";

type Side = "browser" | "server";

/**
 * The options Sentry starts with on one side, or null while that side has no DSN: then
 * src/instrumentation.ts and src/instrumentation-client.ts do not even load the SDK, whose
 * chunk is ~180 kB gzip (docs/frontend.md#bundle-budget).
 */
export function sentryOptions(side: Side) {
  const dsn = side === "browser" ? env.sentry.browserDsn : env.sentry.serverDsn;
  if (!dsn) return null;
  return {
    dsn,
    environment: env.sentry.environment,
    release: env.sentry.release,
    sendDefaultPii: false,
    tracesSampleRate: 0,
    beforeSend: requestIdTag,
  };
}

/** Loads and starts the SDK on one side, if that side has a DSN. */
export async function sentryStart(side: Side): Promise<void> {
  const options = sentryOptions(side);
  if (!options) return;
  const Sentry = await import("@sentry/nextjs");
  // Sentry's Next.js default registers a tracer provider of its own, replacing @vercel/otel's.
  Sentry.init({ ...options, enableOpenTelemetrySetup: false });
}

/** The request ID of a failed API call, as a tag: the same ID is on the backend's log lines and events. */
export function requestIdTag(event: ErrorEvent, hint: EventHint): ErrorEvent {
  const error = hint.originalException;
  if (error instanceof ApiError && error.requestId) {
    event.tags = { ...event.tags, request_id: error.requestId };
  }
  return event;
}

/** The origin events are sent to, for the CSP's connect-src; null without a browser DSN. */
export function sentryIngestOrigin(): string | null {
  if (!env.sentry.browserDsn) return null;
  try {
    return new URL(env.sentry.browserDsn).origin;
  } catch {
    return null;
  }
}
