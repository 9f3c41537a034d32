import {
  AxiosError,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from "axios";

import { ApiError } from "@/lib/api/errors";

type Tab = typeof import("@/lib/api/client");
type Reply = { status: number; data?: unknown } | "network";

/**
 * The backend's refresh rotation, as in backend/apps/accounts/services.py session_refresh: each
 * use blacklists the cookie and sets a new one; a blacklisted cookie presented again revokes
 * every session. The cookie jar is shared by every tab, like a browser's.
 */
class FakeBackend {
  jar: string | null = "r0";
  rotations: string[] = [];
  reuses = 0;
  seen: { url?: string; authorization: unknown }[] = [];
  /** Per-URL answer delay in ms (default 5), so tests can order responses. */
  delays: Record<string, number> = {};
  /** Replaces the refresh endpoint's answer while set. */
  refreshReply: Reply | null = null;
  private live = new Set(["r0"]);
  private rotated = new Set<string>();
  private access = new Set<string>();
  private issued = 0;

  adapter: AxiosAdapter = async (config) => {
    const url = config.url ?? "";
    const authorization = config.headers.get("Authorization");
    this.seen.push({ url, authorization });
    // The browser attaches the cookie when the request is sent...
    const cookie = this.jar;
    await new Promise((resolve) => setTimeout(resolve, this.delays[url] ?? 5));
    // ...and stores a Set-Cookie when the response arrives.
    const reply =
      url === "/v1/auth/refresh/"
        ? (this.refreshReply ?? this.refresh(cookie))
        : this.api(authorization);
    if (reply === "network") {
      throw new AxiosError("Network Error", AxiosError.ERR_NETWORK, config);
    }
    const response: AxiosResponse = {
      data: reply.data,
      status: reply.status,
      statusText: String(reply.status),
      headers: {},
      config,
    };
    if (reply.status < 300) return response;
    throw new AxiosError(
      `status ${reply.status}`,
      AxiosError.ERR_BAD_REQUEST,
      config,
      null,
      response,
    );
  };

  calls(url: string) {
    return this.seen.filter((entry) => entry.url === url);
  }

  private refresh(cookie: string | null): Reply {
    if (!cookie || !this.live.has(cookie)) {
      if (cookie && this.rotated.has(cookie)) {
        this.reuses += 1;
        this.live.clear();
        this.access.clear();
      }
      this.jar = null; // a refused refresh clears the cookie
      return problem(401, "token_not_valid");
    }
    this.live.delete(cookie);
    this.rotated.add(cookie);
    this.issued += 1;
    const next = `r${this.issued}`;
    this.live.add(next);
    this.jar = next;
    this.rotations.push(`${cookie}->${next}`);
    const access = `a${this.issued}`;
    this.access.add(access);
    return { status: 200, data: { access } };
  }

  private api(authorization: unknown): Reply {
    const token = typeof authorization === "string" ? authorization.replace("Bearer ", "") : "";
    return this.access.has(token)
      ? { status: 200, data: { ok: true } }
      : problem(401, "not_authenticated");
  }
}

const problem = (status: number, code: string) => ({
  status,
  data: { type: "about:blank", title: code, status, code, detail: `${code} detail` },
});

/** A minimal navigator.locks: exclusive locks granted one after another, in request order. */
function fakeLocks() {
  const tails = new Map<string, Promise<unknown>>();
  const requested: string[] = [];
  return {
    requested,
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
}

let backend: FakeBackend;

/** A fresh copy of the client module: its own token and refresh state, like another tab. */
async function openTab(): Promise<Tab> {
  let tab: Tab | undefined;
  await jest.isolateModulesAsync(async () => {
    tab = await import("@/lib/api/client");
  });
  tab!.api.defaults.adapter = backend.adapter;
  return tab!;
}

function installLocks() {
  const locks = fakeLocks();
  Object.defineProperty(navigator, "locks", { value: locks, configurable: true });
  return locks;
}

beforeEach(() => {
  backend = new FakeBackend();
});

afterEach(() => {
  Reflect.deleteProperty(navigator, "locks");
  jest.useRealTimers();
});

describe("two tabs sharing the refresh cookie", () => {
  test("refreshing on load together rotate the cookie one after the other, with no reuse", async () => {
    const locks = installLocks();
    const [first, second] = [await openTab(), await openTab()];

    const tokens = await Promise.all([first.refreshAccessToken(), second.refreshAccessToken()]);

    expect(tokens).toEqual(["a1", "a2"]);
    expect(backend.rotations).toEqual(["r0->r1", "r1->r2"]);
    expect(backend.reuses).toBe(0);
    expect(backend.jar).toBe("r2");
    expect(locks.requested).toEqual(["auth-refresh", "auth-refresh"]);
    // Both sessions are still alive afterwards.
    await expect(first.api.get("/v1/users/me/")).resolves.toMatchObject({ status: 200 });
    await expect(second.api.get("/v1/users/me/")).resolves.toMatchObject({ status: 200 });
  });

  test("access tokens expiring together: one refresh per tab, in sequence, every request replayed", async () => {
    installLocks();
    const [first, second] = [await openTab(), await openTab()];
    const expired = jest.fn();
    for (const tab of [first, second]) {
      tab.setAccessToken("expired");
      tab.setSessionExpiredHandler(expired);
    }

    const results = await Promise.all([
      first.api.get("/v1/users/me/"),
      first.api.get("/v1/tags/"),
      second.api.get("/v1/users/me/"),
      second.api.get("/v1/tags/"),
    ]);

    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // Still one refresh per tab for its concurrent 401s, and the second used the new cookie.
    expect(backend.calls("/v1/auth/refresh/")).toHaveLength(2);
    expect(backend.rotations).toEqual(["r0->r1", "r1->r2"]);
    expect(backend.reuses).toBe(0);
    expect(expired).not.toHaveBeenCalled();
  });

  test("without navigator.locks a tab still refreshes (no cross-tab coordination)", async () => {
    const tab = await openTab();

    await expect(tab.refreshAccessToken()).resolves.toBe("a1");
    expect(backend.rotations).toEqual(["r0->r1"]);
  });
});

describe("signing out", () => {
  test("a 401 arriving after the shared refresh failed neither refreshes nor signs out again", async () => {
    const tab = await openTab();
    const expired = jest.fn();
    tab.setSessionExpiredHandler(expired);
    tab.setAccessToken("expired");
    backend.jar = null; // the refresh will be refused
    backend.delays["/v1/slow/"] = 60;

    const outcomes = await Promise.allSettled([tab.api.get("/v1/fast/"), tab.api.get("/v1/slow/")]);

    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ status: 401 });
    expect(backend.calls("/v1/auth/refresh/")).toHaveLength(1);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  test("a new session (login) that ends later signs out again", async () => {
    const tab = await openTab();
    const expired = jest.fn();
    tab.setSessionExpiredHandler(expired);
    backend.jar = null;

    tab.setAccessToken("expired");
    await expect(tab.api.get("/v1/users/me/")).rejects.toMatchObject({ status: 401 });
    tab.setAccessToken("expired-too"); // logged in again, and that session ends as well
    await expect(tab.api.get("/v1/users/me/")).rejects.toMatchObject({ status: 401 });

    expect(expired).toHaveBeenCalledTimes(2);
  });

  test.each<[string, Reply, object]>([
    ["503", problem(503, "service_unavailable"), { status: 503, code: "service_unavailable" }],
    ["429", problem(429, "throttled"), { status: 429, code: "throttled" }],
    ["a network error", "network", { status: 0, code: "network_error" }],
  ])(
    "a refresh failing with %s rejects the request but keeps the session",
    async (_, reply, error) => {
      const tab = await openTab();
      const expired = jest.fn();
      tab.setSessionExpiredHandler(expired);
      tab.setAccessToken("expired");
      backend.refreshReply = reply;

      const failure = await tab.api.get("/v1/users/me/").catch((e: unknown) => e);

      expect(failure).toBeInstanceOf(ApiError);
      expect(failure).toMatchObject(error);
      expect(expired).not.toHaveBeenCalled();
      // The cookie is untouched, and the next 401 tries again and succeeds.
      backend.refreshReply = null;
      await expect(tab.api.get("/v1/users/me/")).resolves.toMatchObject({ status: 200 });
      expect(backend.calls("/v1/auth/refresh/")).toHaveLength(2);
      expect(backend.calls("/v1/users/me/")[1]?.authorization).toBe("Bearer expired");
      expect(backend.reuses).toBe(0);
    },
  );
});

describe("timeouts", () => {
  /** Answers never; fails the way axios' XHR adapter does once config.timeout has passed. */
  const hanging: AxiosAdapter = (config: InternalAxiosRequestConfig) =>
    new Promise((_, reject) => {
      if (config.timeout) {
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
      }
    });

  test("a hung backend fails the request with network_error after 15 s", async () => {
    jest.useFakeTimers();
    const tab = await openTab();
    const expired = jest.fn();
    tab.setSessionExpiredHandler(expired);
    tab.api.defaults.adapter = hanging;
    let outcome: unknown = "pending";
    void tab.api.get("/v1/tags/").catch((e: unknown) => {
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
    const sent: InternalAxiosRequestConfig[] = [];
    tab.api.defaults.adapter = async (config) => {
      sent.push(config);
      return { data: null, status: 204, statusText: "No Content", headers: {}, config };
    };

    await tab.api.post("/v1/uploads/u1/content/", new FormData());
    await tab.api.post("/v1/uploads/", { purpose: "avatar" });

    expect(sent.map((config) => config.timeout)).toEqual([300_000, 15_000]);
  });
});
