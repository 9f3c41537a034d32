import axios, { type AxiosError, type InternalAxiosRequestConfig } from "axios";

import { env } from "@/env";

import { toApiError } from "./errors";

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
 * The one Axios instance. In the browser it calls the same origin (/api is proxied to Django
 * by Next.js rewrites or nginx), so the httpOnly refresh cookie is first-party. Server
 * Components call the backend directly and only read public data.
 */
export const api = axios.create({
  baseURL: isBrowser ? "/api" : `${env.backendUrl}/api`,
  withCredentials: true,
  headers: { Accept: "application/json" },
});

// The access token lives only in this module's memory: never in storage a script can read
// later. A reload loses it and the session is restored from the refresh cookie.
let accessToken: string | null = null;
let locale = "en";
let refreshInFlight: Promise<string> | null = null;
let onSessionExpired: () => void = () => undefined;
let expiredBy: Promise<string> | null = null;

export function setAccessToken(token: string | null): void {
  if (!isBrowser && token !== null) {
    // One server process serves every user; a token kept here would leak between requests.
    throw new Error(
      "setAccessToken() is browser-only: pass Authorization per request on the server.",
    );
  }
  accessToken = token;
}

export function setRequestLocale(value: string): void {
  locale = value;
}

/** Called once when a refresh fails mid-session: the session provider clears state and redirects. */
export function setSessionExpiredHandler(handler: () => void): void {
  onSessionExpired = handler;
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request:
 * the backend rotates the cookie on every use, so a second parallel refresh would present an
 * already-blacklisted token and log the user out.
 */
export function refreshAccessToken(): Promise<string> {
  refreshInFlight ??= api
    .post<{ access: string }>("/v1/auth/refresh/", null, { skipAuthRefresh: true })
    .then((response) => {
      setAccessToken(response.data.access);
      return response.data.access;
    })
    .finally(() => {
      refreshInFlight = null;
    });
  return refreshInFlight;
}

api.interceptors.request.use((config) => {
  config.headers.set("X-Request-ID", crypto.randomUUID());
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
  const refresh = refreshAccessToken();
  let token: string;
  try {
    token = await refresh;
  } catch {
    // Every request that shared this refresh lands here; end the session only once.
    if (expiredBy !== refresh) {
      expiredBy = refresh;
      setAccessToken(null);
      onSessionExpired();
    }
    throw toApiError(error);
  }
  config.headers.set("Authorization", `Bearer ${token}`);
  return api.request(config);
});
