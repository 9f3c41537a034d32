import type { AxiosError } from "axios";

import type { Problem, ProblemFieldError } from "./types";

/** One entry of the backend's `errors` list; `field` is a camelCase path, null for the whole form. */
export type FieldIssue = ProblemFieldError;

/** The application/problem+json body, read defensively: a proxy may answer with less. */
type ProblemBody = Partial<Problem>;

/**
 * Marks ApiError instances across copies of this module. Turbopack's production build can
 * inline this file into the API client's chunk and also ship it as its own module, giving two
 * ApiError classes in one process: a plain `instanceof` then fails for errors made by the other
 * copy (the article page turned a backend 404 into a 500). The brand lives in the global
 * symbol registry, so every copy recognises every other's errors.
 */
const API_ERROR = Symbol.for("starter.ApiError");

/** Every non-2xx response, and every request that got no response, ends up as one of these. */
export class ApiError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && API_ERROR in value;
  }

  readonly [API_ERROR] = true;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: readonly FieldIssue[];
  readonly requestId: string | null;
  /** Seconds to wait before trying again, from a 429's or 503's `Retry-After`; else null. */
  readonly retryAfter: number | null;
  /**
   * The problem document's members beyond the standard ones (RFC 9457 extension members), for
   * what a caller acts on: e.g. the current `slug` of a moved article (301 `article_moved`).
   */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: string;
    detail: string;
    fieldErrors?: readonly FieldIssue[];
    requestId?: string | null;
    retryAfter?: number | null;
    extensions?: Record<string, unknown>;
  }) {
    super(`${init.status} ${init.code}: ${init.detail}`);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId ?? null;
    this.retryAfter = init.retryAfter ?? null;
    this.extensions = init.extensions ?? {};
  }
}

/**
 * `Retry-After` in seconds: the backend sends delta-seconds (RFC 9110 §10.2.3), proxies may send
 * an HTTP date. Null when absent or unreadable.
 */
export function parseRetryAfter(value: unknown, now = Date.now()): number | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * axios.isAxiosError without importing Axios at runtime: components that only read errors
 * (comments, uploads) then do not pull the client into a page's first load.
 */
function isAxiosError(error: unknown): error is AxiosError {
  return typeof error === "object" && error !== null && (error as AxiosError).isAxiosError === true;
}

/** The members every problem document has (apps/common/exceptions.py); the rest are extensions. */
const PROBLEM_MEMBERS = new Set([
  "type",
  "title",
  "status",
  "detail",
  "code",
  "requestId",
  "errors",
]);

function isProblemBody(data: unknown): data is ProblemBody {
  return typeof data === "object" && data !== null && ("code" in data || "detail" in data);
}

/** Status 0 means the request never got an answer (offline, DNS, CORS, aborted). */
export const NETWORK_ERROR = "network_error";

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (!isAxiosError(error)) {
    return new ApiError({
      status: 0,
      code: NETWORK_ERROR,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const response = error.response;
  if (!response) {
    return new ApiError({ status: 0, code: NETWORK_ERROR, detail: error.message });
  }
  const headerId = response.headers?.["x-request-id"];
  const retryAfter = parseRetryAfter(response.headers?.["retry-after"]);
  const data: unknown = response.data;
  if (isProblemBody(data)) {
    const extensions = Object.fromEntries(
      Object.entries(data).filter(([name]) => !PROBLEM_MEMBERS.has(name)),
    );
    return new ApiError({
      status: data.status ?? response.status,
      code: data.code ?? "error",
      detail: data.detail ?? data.title ?? response.statusText,
      fieldErrors: Array.isArray(data.errors) ? data.errors : [],
      requestId: data.requestId ?? (typeof headerId === "string" ? headerId : null),
      retryAfter,
      extensions,
    });
  }
  // A proxy or server crash can answer with HTML; keep the status, invent nothing else.
  return new ApiError({
    status: response.status,
    code: response.status >= 500 ? "server_error" : "error",
    detail: response.statusText || `HTTP ${response.status}`,
    requestId: typeof headerId === "string" ? headerId : null,
    retryAfter,
  });
}
