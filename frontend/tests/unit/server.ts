import { setupServer } from "msw/node";
import { createOpenApiHttp } from "openapi-msw";

import type { paths } from "@/lib/api/schema.gen";
import type { Problem, ProblemFieldError } from "@/lib/api/types";

/**
 * The network of every unit test: MSW answers the requests the real API client sends (Axios
 * over jsdom's XMLHttpRequest). Tests add handlers with `server.use(...)`; a request no handler
 * answers fails the test (see setup.ts).
 */
export const server = setupServer();

/** MSW's `http`, typed by backend/openapi.yaml: paths, params, bodies and responses. */
export const http = createOpenApiHttp<paths>();

/**
 * A problem+json answer as the backend's exception handler writes it. Typed as a plain
 * Response, which openapi-msw accepts from any handler: every operation lists this shape for
 * its error statuses.
 */
export function problem(
  status: number,
  code: string,
  extra: { detail?: string; errors?: ProblemFieldError[] } = {},
): Response {
  return Response.json(
    {
      type: "about:blank",
      title: code,
      status,
      code,
      detail: extra.detail ?? `${code} detail`,
      requestId: "r-1",
      ...(extra.errors ? { errors: extra.errors } : {}),
    } satisfies Problem,
    { status, headers: { "Content-Type": "application/problem+json" } },
  );
}
