import { HttpResponse, delay } from "msw";

import {
  api,
  apiClient,
  refreshAccessToken,
  setAccessToken,
  setRequestLocale,
  setSessionExpiredHandler,
} from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";

import { http, problem, server } from "./server";
import { ada } from "./users";

type Seen = { path: string; authorization: string | null; headers: Headers };

// What each attempt actually sent, in order (a replay is a second request to the same path).
const seen: Seen[] = [];
const calls = (path: string) => seen.filter((entry) => entry.path === path);

beforeEach(() => {
  seen.length = 0;
  server.events.on("request:start", ({ request }) => {
    seen.push({
      path: new URL(request.url).pathname,
      authorization: request.headers.get("Authorization"),
      headers: request.headers,
    });
  });
  setAccessToken(null);
  setRequestLocale("en");
  setSessionExpiredHandler(() => undefined);
});

afterEach(() => server.events.removeAllListeners());

/** The refresh endpoint hands out `fresh`; /users/me/ and /tags/ accept only that token. */
function backendWithFreshToken() {
  server.use(
    http.post("/api/v1/auth/refresh/", async ({ response }) => {
      // Let every concurrent request reach the backend before the refresh answers.
      await delay(5);
      return response(200).json({ access: "fresh" });
    }),
    http.get("/api/v1/users/me/", ({ request, response }) =>
      request.headers.get("Authorization") === "Bearer fresh"
        ? response(200).json(ada)
        : problem(401, "token_not_valid"),
    ),
    http.get("/api/v1/users/me/sessions/", ({ request, response }) =>
      request.headers.get("Authorization") === "Bearer fresh"
        ? response(200).json([])
        : problem(401, "token_not_valid"),
    ),
    http.get("/api/v1/tags/", ({ response }) => response(200).json([])),
  );
}

test("every request carries a request id, the locale and the in-memory token", async () => {
  server.use(http.get("/api/v1/tags/", ({ response }) => response(200).json([])));
  setAccessToken("token-1");
  setRequestLocale("de");

  await apiClient.GET("/api/v1/tags/");
  await apiClient.GET("/api/v1/tags/");

  const [first, second] = seen.map((entry) => entry.headers);
  expect(first?.get("X-Request-ID")).toMatch(/^[0-9a-f-]{36}$/);
  expect(second?.get("X-Request-ID")).not.toEqual(first?.get("X-Request-ID"));
  expect(first?.get("Accept-Language")).toBe("de");
  expect(first?.get("Authorization")).toBe("Bearer token-1");
  // The refresh cookie goes along only with credentialed requests.
  expect(api.defaults.withCredentials).toBe(true);
});

test("every request starts a trace named by its request id (W3C traceparent)", async () => {
  server.use(http.get("/api/v1/tags/", ({ response }) => response(200).json([])));

  await apiClient.GET("/api/v1/tags/");

  const headers = seen[0]?.headers;
  const requestId = headers?.get("X-Request-ID")?.replace(/-/g, "");
  expect(headers?.get("traceparent")).toMatch(new RegExp(`^00-${requestId}-[0-9a-f]{16}-01$`));
});

test("path parameters are filled in and encoded, query parameters sent", async () => {
  const received: string[] = [];
  server.use(
    http.get("/api/v1/articles/{slug}/comments/", ({ params, query, response }) => {
      received.push(`${params.slug} page=${query.get("page")}`);
      return response(200).json({ count: 0, next: null, previous: null, results: [] });
    }),
  );

  await apiClient.GET("/api/v1/articles/{slug}/comments/", {
    params: { path: { slug: "a b/c" }, query: { page: 3 } },
  });

  expect(seen[0]?.path).toBe("/api/v1/articles/a%20b%2Fc/comments/");
  expect(received).toEqual(["a b/c page=3"]);
});

test("concurrent 401s share one refresh and are all replayed with the new token", async () => {
  setAccessToken("expired");
  backendWithFreshToken();

  const [me, sessions] = await Promise.all([
    apiClient.GET("/api/v1/users/me/"),
    apiClient.GET("/api/v1/users/me/sessions/"),
    apiClient.GET("/api/v1/users/me/"),
  ]);

  expect(me).toEqual(ada);
  expect(sessions).toEqual([]);
  expect(calls("/api/v1/auth/refresh/")).toHaveLength(1);
  expect(calls("/api/v1/users/me/").map((entry) => entry.authorization)).toEqual([
    "Bearer expired",
    "Bearer expired",
    "Bearer fresh",
    "Bearer fresh",
  ]);
  // Later requests go out with the new token straight away.
  await apiClient.GET("/api/v1/tags/");
  expect(calls("/api/v1/tags/")[0]?.authorization).toBe("Bearer fresh");
});

test("a failed refresh clears the token, ends the session once and rejects every request", async () => {
  setAccessToken("expired");
  const expired = jest.fn();
  setSessionExpiredHandler(expired);
  server.use(
    http.post("/api/v1/auth/refresh/", () => problem(401, "token_not_valid")),
    http.get("/api/v1/users/me/", () => problem(401, "not_authenticated")),
    http.get("/api/v1/tags/", () => problem(401, "not_authenticated")),
  );

  const outcomes = await Promise.allSettled([
    apiClient.GET("/api/v1/users/me/"),
    apiClient.GET("/api/v1/tags/"),
  ]);

  expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
  const reason = (outcomes[0] as PromiseRejectedResult).reason;
  expect(reason).toBeInstanceOf(ApiError);
  expect(reason).toMatchObject({ status: 401, code: "not_authenticated" });
  expect(calls("/api/v1/auth/refresh/")).toHaveLength(1);
  expect(expired).toHaveBeenCalledTimes(1);
  // The dead token is gone: the next request goes out without one.
  await apiClient.GET("/api/v1/tags/").catch(() => undefined);
  expect(calls("/api/v1/tags/").at(-1)?.authorization).toBeNull();
});

test("a replayed request that fails with 401 again does not refresh a second time", async () => {
  setAccessToken("expired");
  server.use(
    http.post("/api/v1/auth/refresh/", ({ response }) => response(200).json({ access: "fresh" })),
    http.get("/api/v1/users/me/", () => problem(401, "permission_denied")),
  );

  await expect(apiClient.GET("/api/v1/users/me/")).rejects.toMatchObject({ status: 401 });
  expect(calls("/api/v1/auth/refresh/")).toHaveLength(1);
  expect(calls("/api/v1/users/me/")).toHaveLength(2);
});

test("requests marked skipAuthRefresh (login) surface their 401 without refreshing", async () => {
  server.use(http.post("/api/v1/auth/login/", () => problem(401, "invalid_credentials")));

  await expect(
    apiClient.POST("/api/v1/auth/login/", {
      body: { email: "ada@example.com", password: "x" },
      skipAuthRefresh: true,
    }),
  ).rejects.toMatchObject({ status: 401, code: "invalid_credentials" });
  expect(calls("/api/v1/auth/refresh/")).toHaveLength(0);
});

test("refreshAccessToken() shares one call between simultaneous callers", async () => {
  backendWithFreshToken();

  const tokens = await Promise.all([refreshAccessToken(), refreshAccessToken()]);

  expect(tokens).toEqual(["fresh", "fresh"]);
  expect(calls("/api/v1/auth/refresh/")).toHaveLength(1);
});

test("problem+json bodies become ApiError with field errors and the request id", async () => {
  const errors = [
    { field: "email", code: "invalid", message: "Enter a valid email address." },
    { field: null, code: "invalid", message: "Something about the whole form." },
  ];
  server.use(
    http.post("/api/v1/auth/register/", () => problem(400, "validation_error", { errors })),
  );

  const error = await apiClient
    .POST("/api/v1/auth/register/", {
      body: { email: "x", password: "y", firstName: "", lastName: "" },
    })
    .catch((e: unknown) => e);

  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({
    status: 400,
    code: "validation_error",
    detail: "validation_error detail",
    requestId: "r-1",
    fieldErrors: errors,
  });
});

test("a non-JSON error keeps its status and the request id header", async () => {
  server.use(
    http.get("/api/v1/tags/", ({ response }) =>
      response.untyped(
        new HttpResponse("<html>Bad gateway</html>", {
          status: 502,
          headers: { "Content-Type": "text/html", "X-Request-ID": "req-from-server" },
        }),
      ),
    ),
  );

  await expect(apiClient.GET("/api/v1/tags/")).rejects.toMatchObject({
    status: 502,
    code: "server_error",
    requestId: "req-from-server",
  });
});
