/**
 * @jest-environment node
 */

import { ApiError } from "@/lib/api/errors";

const init = jest.fn();
jest.mock("@sentry/nextjs", () => ({ init: (...args: unknown[]) => init(...args) }));

beforeEach(() => init.mockClear());

/** Loads sentry.ts and csp.ts with their environment, since env.ts reads process.env once at import. */
function load(vars: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, vars);
  let sentry!: typeof import("@/lib/sentry");
  let csp!: typeof import("@/lib/csp");
  jest.isolateModules(() => {
    sentry = jest.requireActual("@/lib/sentry");
    csp = jest.requireActual("@/lib/csp");
  });
  process.env = saved;
  return { ...sentry, ...csp };
}

const DSN = "https://public-key@o123.ingest.sentry.io/456";

function connectSrc(policy: string): string {
  return policy.split("; ").find((directive) => directive.startsWith("connect-src")) ?? "";
}

test("without a DSN Sentry is off on both sides and the CSP names no Sentry origin", () => {
  const { sentryOptions, sentryIngestOrigin, buildContentSecurityPolicy } = load({
    NEXT_PUBLIC_SENTRY_DSN: "",
    SENTRY_DSN: "",
  });

  expect(sentryOptions("browser")).toBeNull();
  expect(sentryOptions("server")).toBeNull();
  expect(sentryIngestOrigin()).toBeNull();
  expect(connectSrc(buildContentSecurityPolicy("n"))).toBe("connect-src 'self'");
});

test("with a DSN Sentry starts with release and environment, and the CSP allows its ingest origin", () => {
  const { sentryOptions, buildContentSecurityPolicy } = load({
    NEXT_PUBLIC_SENTRY_DSN: DSN,
    NEXT_PUBLIC_SENTRY_ENVIRONMENT: "staging",
    NEXT_PUBLIC_SENTRY_RELEASE: "web@1.2.3",
  });

  expect(sentryOptions("browser")).toMatchObject({
    dsn: DSN,
    environment: "staging",
    release: "web@1.2.3",
    sendDefaultPii: false,
  });
  // The server falls back to the public DSN when it has none of its own.
  expect(sentryOptions("server")?.dsn).toBe(DSN);
  expect(connectSrc(buildContentSecurityPolicy("n"))).toBe(
    "connect-src 'self' https://o123.ingest.sentry.io",
  );
});

test("a server-only DSN reports server errors and leaves the browser without Sentry", () => {
  const { sentryOptions } = load({ NEXT_PUBLIC_SENTRY_DSN: "", SENTRY_DSN: DSN });

  expect(sentryOptions("server")?.dsn).toBe(DSN);
  expect(sentryOptions("browser")).toBeNull();
});

test("an API error's request ID becomes the event's request_id tag", () => {
  const { requestIdTag } = load({ NEXT_PUBLIC_SENTRY_DSN: DSN });
  const error = new ApiError({ status: 500, code: "error", detail: "x", requestId: "req-42" });

  const tagged = requestIdTag(
    { type: undefined, tags: { page: "home" } },
    { originalException: error },
  );
  const untagged = requestIdTag({ type: undefined }, { originalException: new Error("plain") });

  expect(tagged.tags).toEqual({ page: "home", request_id: "req-42" });
  expect(untagged.tags).toBeUndefined();
});

test("the SDK starts only on a side with a DSN, without its own tracer provider", async () => {
  const { sentryStart } = load({ NEXT_PUBLIC_SENTRY_DSN: "", SENTRY_DSN: DSN });

  await sentryStart("browser");
  expect(init).not.toHaveBeenCalled();

  await sentryStart("server");
  expect(init).toHaveBeenCalledWith(
    expect.objectContaining({ dsn: DSN, enableOpenTelemetrySetup: false }),
  );
});
