import { act, screen, waitFor } from "@testing-library/react";

import { SessionProvider, useSession } from "@/features/auth/session";
import { sessionHintPresent } from "@/features/auth/session-hint";
import { apiClient, setAccessToken } from "@/lib/api/client";

import { renderWithIntl, testPath } from "./render";
import { http, problem, server } from "./server";
import { ada } from "./users";

// A full page load is out of jsdom's reach; the test checks where it would go.
const hardNavigate = jest.fn();
jest.mock("@/lib/hard-navigate", () => ({ hardNavigate: (url: string) => hardNavigate(url) }));

function Probe() {
  const session = useSession();
  return (
    <>
      <p>
        {session.status === "authenticated" ? `hello ${session.user.firstName}` : session.status}
      </p>
      <button type="button" onClick={() => void session.login("ada@example.com", "pw")}>
        log in
      </button>
      <button type="button" onClick={() => void session.logout()}>
        log out
      </button>
    </>
  );
}

function renderSession() {
  return renderWithIntl(
    <SessionProvider>
      <Probe />
    </SessionProvider>,
  );
}

function setHintCookie() {
  document.cookie = "session_hint=1; path=/";
}

/**
 * The auth endpoints: refresh answers with `refresh()` (a token by default), /users/me/ accepts
 * only a token the backend issued. Returns what was asked, in order.
 */
function authBackend(refresh: () => Response = () => Response.json({ access: "token" })) {
  const asked: string[] = [];
  server.use(
    http.post("/api/v1/auth/refresh/", () => {
      asked.push("refresh");
      return refresh();
    }),
    http.get("/api/v1/users/me/", ({ request, response }) => {
      asked.push(`me ${request.headers.get("Accept-Language")}`);
      return request.headers.get("Authorization") === "Bearer token"
        ? response(200).json(ada)
        : problem(401, "not_authenticated");
    }),
    http.post("/api/v1/auth/login/", ({ response }) => {
      asked.push("login");
      return response(200).json({ access: "token", user: ada });
    }),
    http.post("/api/v1/auth/logout/", ({ response }) => {
      asked.push("logout");
      return response(204).empty();
    }),
  );
  return asked;
}

beforeEach(() => {
  hardNavigate.mockReset();
  setAccessToken(null);
  document.cookie = "session_hint=; max-age=0; path=/";
});

test("a browser that never logged in makes no refresh call and is anonymous", async () => {
  const asked = authBackend();

  renderSession();

  expect(await screen.findByText("anonymous")).toBeInTheDocument();
  expect(asked).toEqual([]);
});

test("on load one refresh call and one /users/me/ restore the session", async () => {
  setHintCookie();
  const asked = authBackend();

  renderSession();

  expect(screen.getByText("loading")).toBeInTheDocument();
  expect(await screen.findByText("hello Ada")).toBeInTheDocument();
  expect(asked).toEqual(["refresh", "me en"]);
});

test("without a valid refresh cookie the visitor is anonymous and /users/me/ is not called", async () => {
  setHintCookie();
  const asked = authBackend(() => problem(401, "token_not_valid"));

  renderSession();

  expect(await screen.findByText("anonymous")).toBeInTheDocument();
  expect(asked).toEqual(["refresh"]);
});

test("the session hint is read from the cookie the backend sets", () => {
  expect(sessionHintPresent()).toBe(false);
  document.cookie = "other=1; path=/";
  setHintCookie();
  expect(sessionHintPresent()).toBe(true);
});

test("login authenticates and logout makes the visitor anonymous", async () => {
  const asked = authBackend();
  renderSession();
  await screen.findByText("anonymous");

  act(() => screen.getByRole("button", { name: "log in" }).click());
  expect(await screen.findByText("hello Ada")).toBeInTheDocument();
  // Later requests carry the token from the login answer.
  await expect(apiClient.GET("/api/v1/users/me/")).resolves.toEqual(ada);

  act(() => screen.getByRole("button", { name: "log out" }).click());
  expect(await screen.findByText("anonymous")).toBeInTheDocument();
  expect(asked).toEqual(["login", "me en", "logout"]);
  // And after logout they carry none.
  const sent: (string | null)[] = [];
  server.use(
    http.get("/api/v1/tags/", ({ request, response }) => {
      sent.push(request.headers.get("Authorization"));
      return response(200).json([]);
    }),
  );
  await waitFor(async () => {
    await apiClient.GET("/api/v1/tags/");
    expect(sent.at(-1)).toBeNull();
  });
});

test("when a refresh is refused mid-session, the visitor is anonymous and login opens with a return URL", async () => {
  setHintCookie();
  let refreshes = 0;
  authBackend(() =>
    (refreshes += 1) === 1 ? Response.json({ access: "token" }) : problem(401, "token_not_valid"),
  );
  window.history.pushState({}, "", "/account?tab=2");
  renderSession();
  await screen.findByText("hello Ada");
  // The access token expires: the next request gets a 401, and the refresh is refused.
  server.use(http.get("/api/v1/users/me/", () => problem(401, "token_not_valid")));

  await act(() =>
    expect(apiClient.GET("/api/v1/users/me/")).rejects.toMatchObject({ status: 401 }),
  );

  await waitFor(() => expect(screen.getByText("anonymous")).toBeInTheDocument());
  expect(hardNavigate).toHaveBeenCalledWith(testPath("/login?next=%2Faccount%3Ftab%3D2"));
  expect(hardNavigate).toHaveBeenCalledTimes(1);
});

describe("when the refresh at page load fails for another reason than the session", () => {
  beforeEach(() =>
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] }),
  );
  afterEach(() => jest.useRealTimers());

  const unavailable = () => problem(503, "service_unavailable", { detail: "deploying" });

  test("it is retried, and a good cookie still restores the session", async () => {
    setHintCookie();
    let refreshes = 0;
    authBackend(() =>
      (refreshes += 1) === 1 ? unavailable() : Response.json({ access: "token" }),
    );

    renderSession();
    await act(() => jest.advanceTimersByTimeAsync(1000));

    expect(await screen.findByText("hello Ada")).toBeInTheDocument();
    expect(refreshes).toBe(2);
  });

  test("an API that stays down leaves the visitor anonymous after two retries", async () => {
    setHintCookie();
    const asked = authBackend(unavailable);

    renderSession();
    await act(() => jest.advanceTimersByTimeAsync(4000));

    expect(await screen.findByText("anonymous")).toBeInTheDocument();
    expect(asked).toEqual(["refresh", "refresh", "refresh"]);
  });

  test("a refused session is not retried", async () => {
    setHintCookie();
    const asked = authBackend(() => problem(401, "token_not_valid"));

    renderSession();
    await act(() => jest.advanceTimersByTimeAsync(4000));

    expect(await screen.findByText("anonymous")).toBeInTheDocument();
    expect(asked).toEqual(["refresh"]);
  });
});
