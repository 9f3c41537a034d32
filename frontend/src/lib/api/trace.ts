import { context, propagation } from "@opentelemetry/api";

/**
 * The W3C `traceparent` header of one API call, so the backend's spans join a trace
 * (docs/observability.md#tracing).
 *
 * On the Next.js server, with tracing on (src/instrumentation.ts), it names the span in
 * progress (the render of a page), and Django's spans become its children. In the browser,
 * which runs no tracing SDK (it would cost every page its first-load budget), and on a server
 * without tracing, it starts a trace whose ID is the call's X-Request-ID: the ID a user quotes
 * from an error is the ID to search for in Jaeger. Sampled, so the backend's ratio decides.
 */
export function traceparentHeader(requestId: string): string {
  // Next.js replaces `typeof window` in each bundle, so the browser's drops this branch and the API.
  if (typeof window === "undefined") {
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    if (carrier.traceparent) return carrier.traceparent;
  }
  return `00-${requestId.replace(/-/g, "")}-${randomHex(8)}-01`;
}

function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (value) => value.toString(16).padStart(2, "0")).join("");
}
