import { AxiosError, type AxiosAdapter, type InternalAxiosRequestConfig } from "axios";
import { HttpResponse, delay } from "msw";

import { ApiError } from "@/lib/api/errors";

import { http, problem, server } from "./server";
import { ada } from "./users";

type Tab = typeof import("@/lib/api/client");

/**
 * The backend's side as the browser sees it: each refresh answers a new access token, which
 * /users/me/ then accepts. Whether a reused cookie is refused is the backend's business (and
 * its tests'); here it matters that no two refreshes are ever in flight at once, since two
 * refreshes sharing a cookie is exactly that reuse.
 */
function refreshingBackend() {
  const refreshes: { start: number; end: number }[] = [];
  const issued = new Set<string>();
  let clock = 0;
  server.use(
    http.post("/api/v1/auth/refresh/", async ({ response }) => {
      const entry = { start: (clock += 1), end: 0 };
      refreshes.push(entry);
      await delay(10);
      entry.end = clock += 1;
      const access = `a${refreshes.length}`;
      issued.add(access);
      return response(200).json({ access });
    }),
    http.get("/api/v1/users/me/", ({ request, response }) =>
      issued.has(request.headers.get("Authorization")?.replace("Bearer ", "") ?? "")
        ? response(200).json(ada)
        : problem(401, "token_not_valid"),
    ),
  );
  return refreshes;
}

/** No refresh overlapped another: each started after the previous one had its answer. */
const oneAfterAnother = (refreshes: { start: number; end: number }[]) =>
  refreshes.every((entry, i) => i === 0 || entry.start > refreshes[i - 1]!.end);

/** A minimal navigator.locks: exclusive locks granted one after another, in request order. */
function installLocks() {
  const tails = new Map<string, Promise<unknown>>();
  const requested: string[] = [];
  const locks = {
    request(name: string, callback: (lock: { name: string; mode: string }) => unknown) {
      requested.push(name);
      const granted = (tails.get(name) ?? Promise.resolve()).then(() =>
        callback({ name, mode: "exclusive" }),
      );
      tails.set(
        name,
        granted.catch(() => undefined),
      );
      return granted;
    },
  };
  Object.defineProperty(navigator, "locks", { value: locks, configurable: true });
  return requested;
}

/** A fresh copy of the client module: its own token and refresh state, like another tab. */
async function openTab(): Promise<Tab> {
  let tab: Tab | undefined;
  await jest.isolateModulesAsync(async () => {
    tab = await import("@/lib/api/client");
  });
  return tab!;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, "locks");
  jest.useRealTimers();
});

describe("two tabs sharing the refresh cookie", () => {
  test("refreshing on load together refresh one after the other, under the lock", async () => {
    const requested = installLocks();
    const refreshes = refreshingBackend();
    const [first, second] = [await openTab(), await openTab()];

    const tokens = await Promise.all([first.refreshAccessToken(), second.refreshAccessToken()]);

    expect(tokens).toEqual(["a1", "a2"]);
    expect(refreshes).toHaveLength(2);
    expect(oneAfterAnother(refreshes)).toBe(true);
    expect(requested).toEqual(["auth-refresh", "auth-refresh"]);
    // Both tabs are signed in afterwards.
    await expect(first.apiClient.GET("/api/v1/users/me/")).resolves.toEqual(ada);
    await expect(second.apiClient.GET("/api/v1/users/me/")).resolves.toEqual(ada);
  });

  test("access tokens expiring together: one refresh per tab, in sequence, every request replayed", async () => {
    installLocks();
    const refreshes = refreshingBackend();
    const [first, second] = [await openTab(), await openTab()];
    const expired = jest.fn();
    for (const tab of [first, second]) {
      tab.setAccessToken("expired");
      tab.setSessionExpiredHandler(expired);
    }

    const results = await Promise.all([
      first.apiClient.GET("/api/v1/users/me/"),
      first.apiClient.GET("/api/v1/users/me/"),
      second.apiClient.GET("/api/v1/users/me/"),
      second.apiClient.GET("/api/v1/users/me/"),
    ]);

    expect(results).toEqual([ada, ada, ada, ada]);
    // Still one refresh per tab for its concurrent 401s, never two at once.
    expect(refreshes).toHaveLength(2);
    expect(oneAfterAnother(refreshes)).toBe(true);
    expect(expired).not.toHaveBeenCalled();
  });

  test("without navigator.locks a tab still refreshes (no cross-tab coordination)", async () => {
    const refreshes = refreshingBackend();
    const tab = await openTab();

    await expect(tab.refreshAccessToken()).resolves.toBe("a1");
    expect(refreshes).toHaveLength(1);
  });
});

describe("signing out", () => {
  test("a 401 arriving after the shared refresh failed neither refreshes nor signs out again", async () => {
    const tab = await openTab();
    const expired = jest.fn();
    tab.setSessionExpiredHandler(expired);
    tab.setAccessToken("expired");
    let refreshCalls = 0;
    server.use(
      http.post("/api/v1/auth/refresh/", () => {
        refreshCalls += 1;
        return problem(401, "token_not_valid");
      }),
      http.get("/api/v1/users/me/", () => problem(401, "not_authenticated")),
      http.get("/api/v1/tags/", async () => {
        // Answers long after the refresh was refused.
        await delay(60);
        return problem(401, "not_authenticated");
      }),
    );

    const outcomes = await Promise.allSettled([
      tab.apiClient.GET("/api/v1/users/me/"),
      tab.apiClient.GET("/api/v1/tags/"),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ status: 401 });
    expect(refreshCalls).toBe(1);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  test("a new session (login) that ends later signs out again", async () => {
    const tab = await openTab();
    const expired = jest.fn();
    tab.setSessionExpiredHandler(expired);
    server.use(
      http.post("/api/v1/auth/refresh/", () => problem(401, "token_not_valid")),
      http.get("/api/v1/users/me/", () => problem(401, "not_authenticated")),
    );

    tab.setAccessToken("expired");
    await expect(tab.apiClient.GET("/api/v1/users/me/")).rejects.toMatchObject({ status: 401 });
    tab.setAccessToken("expired-too"); // logged in again, and that session ends as well
    await expect(tab.apiClient.GET("/api/v1/users/me/")).rejects.toMatchObject({ status: 401 });

    expect(expired).toHaveBeenCalledTimes(2);
  });

  test.each<[string, () => Response, object]>([
    [
      "503",
      () => problem(503, "service_unavailable"),
      { status: 503, code: "service_unavailable" },
    ],
    ["429", () => problem(429, "throttled"), { status: 429, code: "throttled" }],
    ["a network error", () => HttpResponse.error(), { status: 0, code: "network_error" }],
  ])(
    "a refresh failing with %s rejects the request but keeps the session",
    async (_, refusal, error) => {
      const tab = await openTab();
      const expired = jest.fn();
      tab.setSessionExpiredHandler(expired);
      tab.setAccessToken("expired");
      refreshingBackend();
      server.use(http.post("/api/v1/auth/refresh/", refusal, { once: true }));

      const failure = await tab.apiClient.GET("/api/v1/users/me/").catch((e: unknown) => e);

      expect(failure).toBeInstanceOf(ApiError);
      expect(failure).toMatchObject(error);
      expect(expired).not.toHaveBeenCalled();
      // The session is kept: the next 401 tries again, and that refresh succeeds.
      await expect(tab.apiClient.GET("/api/v1/users/me/")).resolves.toEqual(ada);
    },
  );
});

describe("timeouts", () => {
  /**
   * MSW's XMLHttpRequest interception does not implement `timeout` for requests it answers, so
   * this one test replaces the network with an adapter that never answers and fails the way
   * Axios' XHR adapter does once `config.timeout` has passed.
   */
  const hanging: AxiosAdapter = (config: InternalAxiosRequestConfig) =>
    new Promise((_, reject) => {
      setTimeout(
        () =>
          reject(
            new AxiosError(
              `timeout of ${config.timeout}ms exceeded`,
              AxiosError.ECONNABORTED,
              config,
            ),
          ),
        config.timeout,
      );
    });

  test("a hung backend fails the request with network_error after 15 s", async () => {
    jest.useFakeTimers();
    const tab = await openTab();
    const expired = jest.fn();
    tab.setSessionExpiredHandler(expired);
    tab.api.defaults.adapter = hanging;
    let outcome: unknown = "pending";
    void tab.apiClient.GET("/api/v1/tags/").catch((e: unknown) => {
      outcome = e;
    });

    await jest.advanceTimersByTimeAsync(14_999);
    expect(outcome).toBe("pending");
    await jest.advanceTimersByTimeAsync(1);

    expect(outcome).toBeInstanceOf(ApiError);
    expect(outcome).toMatchObject({ status: 0, code: "network_error" });
    expect(expired).not.toHaveBeenCalled();
  });

  test("file uploads through the client get a longer timeout", async () => {
    const tab = await openTab();
    const sent: (number | undefined)[] = [];
    // The config a response carries is the one the request went out with.
    tab.api.interceptors.response.use((response) => {
      sent.push(response.config.timeout);
      return response;
    });
    server.use(
      http.post("/api/v1/uploads/{upload_id}/content/", ({ response }) => response(204).empty()),
      http.post("/api/v1/uploads/", ({ response }) =>
        response(201).json({ id: "u1", upload: { url: "/x", fields: {} } }),
      ),
    );

    await tab.api.post("/api/v1/uploads/u1/content/", new FormData());
    await tab.apiClient.POST("/api/v1/uploads/", {
      body: { purpose: "avatar", filename: "a.png", contentType: "image/png", size: 1 },
    });

    expect(sent).toEqual([300_000, 15_000]);
  });
});
