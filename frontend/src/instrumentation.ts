import type { Instrumentation } from "next";

import { env } from "@/env";
import { sentryOptions, sentryStart } from "@/lib/sentry";

/**
 * Runs once when the Next.js server starts (https://nextjs.org/docs/app/guides/instrumentation).
 * Tracing and Sentry start only when configured, each from a dynamic import, so a server
 * without them loads neither SDK.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (env.otlpEndpoint) {
    const { OTLPHttpProtoTraceExporter, registerOTel } = await import("@vercel/otel");
    registerOTel({
      serviceName: "starter-web",
      traceExporter: new OTLPHttpProtoTraceExporter({ url: `${env.otlpEndpoint}/v1/traces` }),
      // W3C traceparent (the default propagator) on calls to the API only, from their client
      // span; other origins are not told our trace IDs.
      instrumentationConfig: { fetch: { propagateContextUrls: [env.backendUrl] } },
    });
  }
  await sentryStart("server");
}

/** Errors thrown while rendering or in route handlers, reported with the request they failed. */
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (!sentryOptions("server")) return;
  const Sentry = await import("@sentry/nextjs");
  Sentry.captureRequestError(...args);
};
