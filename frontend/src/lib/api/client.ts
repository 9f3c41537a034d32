import axios, { type AxiosError, type InternalAxiosRequestConfig } from "axios";

import { env } from "@/env";

import { toApiError } from "./errors";
import type { Data, InitArg, Method, Operation, PathWith } from "./operations";
import { traceparentHeader } from "./trace";

declare module "axios" {
  interface AxiosRequestConfig {
    /** Do not try a token refresh when this request answers 401 (login, refresh, logout). */
    skipAuthRefresh?: boolean;
    /** Set on the replay after a refresh, so a second 401 does not loop. */
    _retried?: boolean;
  }
}

const isBrowser = typeof window !== "undefined";

/**
 * Without a timeout a hung backend stalls server rendering and every client call forever. A
 * timeout has no response, so `toApiError` turns it into `network_error` like any other
 * request that got no answer.
 */
export const API_TIMEOUT_MS = 15_000;
/**
 * Bodies sent as FormData are file uploads (the avatar to the backend's local storage, up to
 * UPLOADS_MAX_BYTES = 5 MB), which a slow uplink cannot finish in 15 s. Uploads to S3 do not
 * use this instance.
 */
export const UPLOAD_TIMEOUT_MS = 5 * 60_000;

/**
 * The one Axios instance. In the browser it calls the same origin (/api is proxied to Django
 * by src/proxy.ts or nginx), so the httpOnly refresh cookie is first-party. Server Components
 * call the backend directly and only read public data. URLs are the schema's paths as they
 * are ("/api/v1/..."); features call them through `apiClient` below.
 */
export const api = axios.create({
  baseURL: isBrowser ? undefined : env.backendUrl,
  withCredentials: true,
  timeout: API_TIMEOUT_MS,
  headers: { Accept: "application/json" },
});

// The access token lives only in this module's memory: never in storage a script can read
// later. A reload loses it and the session is restored from the refresh cookie.
let accessToken: string | null = null;
let locale = "en";
let refreshInFlight: Promise<string> | null = null;
let onSessionExpired: () => void = () => undefined;
// Set when a refused refresh ended the session, cleared by the next token (login, refresh).
// Until then a 401 (one that was in flight when the session ended, or one sent since) neither
// refreshes nor signs out again.
let sessionEnded = false;

export function setAccessToken(token: string | null): void {
  if (!isBrowser && token !== null) {
    // One server process serves every user; a token kept here would leak between requests.
    throw new Error(
      "setAccessToken() is browser-only: pass Authorization per request on the server.",
    );
  }
  accessToken = token;
  if (token !== null) sessionEnded = false;
}

export function setRequestLocale(value: string): void {
  locale = value;
}

/** Called once when a refresh fails mid-session: the session provider clears state and redirects. */
export function setSessionExpiredHandler(handler: () => void): void {
  onSessionExpired = handler;
}

/** The Web Locks name every tab of this origin takes around its refresh call. */
export const REFRESH_LOCK = "auth-refresh";

function postRefresh(): Promise<string> {
  return apiClient
    .POST("/api/v1/auth/refresh/", { skipAuthRefresh: true })
    .then((data) => data.access);
}

/**
 * The tabs of one origin share the refresh cookie, and the backend rotates it on every use:
 * two tabs refreshing at once (opened or restored together, or access tokens expiring
 * together) would send the same cookie twice, which the backend treats as theft and answers
 * by revoking every session. The lock runs their refreshes one after another; the cookie jar
 * is shared, so a tab that waited sends the cookie the previous tab received. Without Web
 * Locks (old browsers, jsdom) tabs are not coordinated.
 */
async function refreshAcrossTabs(): Promise<string> {
  const locks = isBrowser ? (navigator.locks as LockManager | undefined) : undefined;
  if (!locks) return postRefresh();
  // The lock is held until the response (and its Set-Cookie) has arrived.
  return await locks.request(REFRESH_LOCK, postRefresh);
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers in this tab share
 * one request, and other tabs wait for it (see `refreshAcrossTabs`): a second refresh with
 * the same cookie would present an already-blacklisted token and end every session.
 */
export function refreshAccessToken(): Promise<string> {
  refreshInFlight ??= refreshAcrossTabs()
    .then((access) => {
      setAccessToken(access);
      return access;
    })
    .finally(() => {
      refreshInFlight = null;
    });
  return refreshInFlight;
}

/**
 * Only the refresh endpoint refusing the cookie ends the session. A 503, a 429 or a network
 * error says nothing about it: the cookie may still be good for the next try.
 */
function refreshRefused(error: unknown): boolean {
  const apiError = toApiError(error);
  return apiError.status === 401 || apiError.code === "token_not_valid";
}

api.interceptors.request.use((config) => {
  if (config.timeout === API_TIMEOUT_MS && config.data instanceof FormData) {
    config.timeout = UPLOAD_TIMEOUT_MS;
  }
  const requestId = crypto.randomUUID();
  config.headers.set("X-Request-ID", requestId);
  config.headers.set("traceparent", traceparentHeader(requestId));
  if (!config.headers.has("Accept-Language")) config.headers.set("Accept-Language", locale);
  if (accessToken && !config.headers.has("Authorization")) {
    config.headers.set("Authorization", `Bearer ${accessToken}`);
  }
  return config;
});

api.interceptors.response.use(undefined, async (error: AxiosError) => {
  const config = error.config as InternalAxiosRequestConfig | undefined;
  if (
    !isBrowser ||
    error.response?.status !== 401 ||
    !config ||
    config.skipAuthRefresh ||
    config._retried
  ) {
    throw toApiError(error);
  }
  config._retried = true;
  // Another request already refreshed while this one was in flight: replay with the new token.
  if (accessToken && config.headers.get("Authorization") !== `Bearer ${accessToken}`) {
    config.headers.set("Authorization", `Bearer ${accessToken}`);
    return api.request(config);
  }
  // The session already ended (a refresh was refused) and the user was signed out then.
  if (sessionEnded && !accessToken) throw toApiError(error);
  let token: string;
  try {
    token = await refreshAccessToken();
  } catch (refreshError) {
    // Not a verdict on the session: fail this request with the refresh's error, stay signed in.
    if (!refreshRefused(refreshError)) throw toApiError(refreshError);
    // Every request that shared this refresh lands here; end the session only once.
    if (!sessionEnded) {
      setAccessToken(null);
      sessionEnded = true;
      onSessionExpired();
    }
    throw toApiError(error);
  }
  config.headers.set("Authorization", `Bearer ${token}`);
  return api.request(config);
});

function call(method: Method, path: string, init: Record<string, unknown> = {}) {
  const { params, body, ...options } = init as {
    params?: { path?: Record<string, string | number>; query?: object; header?: object };
    body?: unknown;
    headers?: Record<string, string>;
  };
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.path?.[name];
    if (value === undefined) throw new Error(`${path}: pass params.path.${name}.`);
    return encodeURIComponent(String(value));
  });
  return api
    .request({
      method,
      url,
      params: params?.query,
      data: body,
      ...options,
      // Header parameters of the schema (e.g. X-Preview-Token) travel as the headers they are.
      headers: { ...params?.header, ...options.headers },
    })
    .then((response) => response.data);
}

function typed<M extends Method>(method: M) {
  return <P extends PathWith<M>>(
    path: P,
    ...[init]: InitArg<Operation<P, M>>
  ): Promise<Data<Operation<P, M>>> => call(method, path, init);
}

/**
 * The one Axios instance, typed by backend/openapi.yaml (the call shape is openapi-fetch's):
 * `apiClient.GET("/api/v1/articles/{slug}/", { params: { path: { slug } } })` accepts only the
 * schema's paths, parameters and bodies, and resolves to the schema's 2xx body. Failures
 * reject with ApiError, as every call of `api` does.
 */
export const apiClient = {
  GET: typed("get"),
  POST: typed("post"),
  PUT: typed("put"),
  PATCH: typed("patch"),
  DELETE: typed("delete"),
};
