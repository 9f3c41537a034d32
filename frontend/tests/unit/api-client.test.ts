import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from "axios";

import {
  api,
  refreshAccessToken,
  setAccessToken,
  setRequestLocale,
  setSessionExpiredHandler,
} from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";

type Handler = (config: InternalAxiosRequestConfig) => { status: number; data?: unknown };

type Seen = { url?: string; authorization: unknown; config: InternalAxiosRequestConfig };

// A replay reuses the same config object, so record what each attempt actually sent.
const seen: Seen[] = [];

/** Replaces the network with `handler`; rejects non-2xx the way axios' real adapters do. */
function respondWith(handler: Handler) {
  const adapter: AxiosAdapter = async (config) => {
    seen.push({ url: config.url, authorization: config.headers.get("Authorization"), config });
    // Let concurrent requests all reach the adapter before any answers.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { status, data } = handler(config);
    const response: AxiosResponse = {
      data,
      status,
      statusText: String(status),
      headers: { "x-request-id": "req-from-server" },
      config,
    };
    if (status >= 200 && status < 300) return response;
    const error = Object.assign(new Error(`Request failed with status code ${status}`), {
      isAxiosError: true,
      config,
      response,
    });
    throw error;
  };
  api.defaults.adapter = adapter;
}

const bearer = (config: InternalAxiosRequestConfig) => config.headers.get("Authorization");
const calls = (url: string) => seen.filter((entry) => entry.url === url);
const problem = (status: number, code: string, extra: object = {}) => ({
  status,
  data: {
    type: "about:blank",
    title: code,
    status,
    code,
    detail: `${code} detail`,
    requestId: "r-1",
    ...extra,
  },
});

beforeEach(() => {
  seen.length = 0;
  setAccessToken(null);
  setRequestLocale("en");
  setSessionExpiredHandler(() => undefined);
});

test("every request carries a request id, the locale and the in-memory token", async () => {
  respondWith(() => ({ status: 200, data: {} }));
  setAccessToken("token-1");
  setRequestLocale("de");

  await api.get("/v1/users/me/");
  await api.get("/v1/users/me/");

  const [first, second] = seen.map((entry) => entry.config);
  expect(first?.headers.get("X-Request-ID")).toMatch(/^[0-9a-f-]{36}$/);
  expect(second?.headers.get("X-Request-ID")).not.toEqual(first?.headers.get("X-Request-ID"));
  expect(first?.headers.get("Accept-Language")).toBe("de");
  expect(first?.headers.get("Authorization")).toBe("Bearer token-1");
  expect(first?.withCredentials).toBe(true);
});

test("concurrent 401s share one refresh and are all replayed with the new token", async () => {
  setAccessToken("expired");
  respondWith((config) => {
    if (config.url === "/v1/auth/refresh/") return { status: 200, data: { access: "fresh" } };
    return bearer(config) === "Bearer fresh"
      ? { status: 200, data: { url: config.url } }
      : problem(401, "token_not_valid");
  });

  const results = await Promise.all([
    api.get("/v1/users/me/"),
    api.get("/v1/users/me/exports/1/"),
    api.get("/v1/users/me/social-accounts/"),
  ]);

  expect(results.map((r) => r.data.url)).toEqual([
    "/v1/users/me/",
    "/v1/users/me/exports/1/",
    "/v1/users/me/social-accounts/",
  ]);
  expect(calls("/v1/auth/refresh/")).toHaveLength(1);
  expect(calls("/v1/users/me/").map((entry) => entry.authorization)).toEqual([
    "Bearer expired",
    "Bearer fresh",
  ]);
  // Later requests go out with the new token straight away.
  await api.get("/v1/tags/");
  expect(calls("/v1/tags/")[0]?.authorization).toBe("Bearer fresh");
});

test("a failed refresh clears the token, ends the session once and rejects every request", async () => {
  setAccessToken("expired");
  const expired = jest.fn();
  setSessionExpiredHandler(expired);
  respondWith((config) =>
    config.url === "/v1/auth/refresh/"
      ? problem(401, "token_not_valid")
      : problem(401, "not_authenticated"),
  );

  const outcomes = await Promise.allSettled([api.get("/v1/users/me/"), api.get("/v1/tags/")]);

  expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
  const reason = (outcomes[0] as PromiseRejectedResult).reason;
  expect(reason).toBeInstanceOf(ApiError);
  expect(reason).toMatchObject({ status: 401, code: "not_authenticated" });
  expect(calls("/v1/auth/refresh/")).toHaveLength(1);
  expect(expired).toHaveBeenCalledTimes(1);
  // The dead token is gone: the next request goes out without one.
  await api.get("/v1/tags/").catch(() => undefined);
  expect(calls("/v1/tags/").at(-1)?.authorization).toBeUndefined();
});

test("a replayed request that fails with 401 again does not refresh a second time", async () => {
  setAccessToken("expired");
  respondWith((config) =>
    config.url === "/v1/auth/refresh/"
      ? { status: 200, data: { access: "fresh" } }
      : problem(401, "permission_denied"),
  );

  await expect(api.get("/v1/users/me/")).rejects.toMatchObject({ status: 401 });
  expect(calls("/v1/auth/refresh/")).toHaveLength(1);
  expect(calls("/v1/users/me/")).toHaveLength(2);
});

test("requests marked skipAuthRefresh (login) surface their 401 without refreshing", async () => {
  respondWith(() => problem(401, "invalid_credentials"));

  await expect(api.post("/v1/auth/login/", {}, { skipAuthRefresh: true })).rejects.toMatchObject({
    status: 401,
    code: "invalid_credentials",
  });
  expect(calls("/v1/auth/refresh/")).toHaveLength(0);
});

test("refreshAccessToken() shares one call between simultaneous callers", async () => {
  respondWith(() => ({ status: 200, data: { access: "fresh" } }));

  const tokens = await Promise.all([refreshAccessToken(), refreshAccessToken()]);

  expect(tokens).toEqual(["fresh", "fresh"]);
  expect(calls("/v1/auth/refresh/")).toHaveLength(1);
});

test("problem+json bodies become ApiError with field errors and the request id", async () => {
  respondWith(() =>
    problem(400, "validation_error", {
      errors: [
        { field: "email", code: "invalid", message: "Enter a valid email address." },
        { field: null, code: "invalid", message: "Something about the whole form." },
      ],
    }),
  );

  const error = await api.post("/v1/auth/register/", {}).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({
    status: 400,
    code: "validation_error",
    detail: "validation_error detail",
    requestId: "r-1",
    fieldErrors: [
      { field: "email", code: "invalid", message: "Enter a valid email address." },
      { field: null, code: "invalid", message: "Something about the whole form." },
    ],
  });
});

test("a non-JSON error keeps its status and the request id header", async () => {
  respondWith(() => ({ status: 502, data: "<html>Bad gateway</html>" }));

  await expect(api.get("/v1/tags/")).rejects.toMatchObject({
    status: 502,
    code: "server_error",
    requestId: "req-from-server",
  });
});
