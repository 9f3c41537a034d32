import { act, screen, waitFor } from "@testing-library/react";

import { SessionProvider, useSession } from "@/features/auth/session";
import { sessionHintPresent } from "@/features/auth/session-hint";
import { ApiError } from "@/lib/api/errors";

import { renderWithIntl } from "./render";

const client = {
  refreshAccessToken: jest.fn(),
  setAccessToken: jest.fn(),
  setRequestLocale: jest.fn(),
  setSessionExpiredHandler: jest.fn(),
};
jest.mock("@/lib/api/client", () => ({
  refreshAccessToken: () => client.refreshAccessToken(),
  setAccessToken: (t: unknown) => client.setAccessToken(t),
  setRequestLocale: (l: unknown) => client.setRequestLocale(l),
  setSessionExpiredHandler: (h: unknown) => client.setSessionExpiredHandler(h),
}));

const hardNavigate = jest.fn();
jest.mock("@/lib/hard-navigate", () => ({ hardNavigate: (url: string) => hardNavigate(url) }));

const getMe = jest.fn();
const login = jest.fn();
const logout = jest.fn();
jest.mock("@/features/auth/api", () => ({
  getMe: () => getMe(),
  login: (email: string, password: string) => login(email, password),
  logout: () => logout(),
}));

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

beforeEach(() => {
  jest.clearAllMocks();
  document.cookie = "session_hint=; max-age=0; path=/";
});

test("a browser that never logged in makes no refresh call and is anonymous", async () => {
  renderSession();

  expect(await screen.findByText("anonymous")).toBeInTheDocument();
  expect(client.refreshAccessToken).not.toHaveBeenCalled();
  expect(getMe).not.toHaveBeenCalled();
});

test("on load one refresh call and one /users/me/ restore the session", async () => {
  setHintCookie();
  client.refreshAccessToken.mockResolvedValue("token");
  getMe.mockResolvedValue({ id: 1, firstName: "Ada" });

  renderSession();

  expect(screen.getByText("loading")).toBeInTheDocument();
  expect(await screen.findByText("hello Ada")).toBeInTheDocument();
  expect(client.refreshAccessToken).toHaveBeenCalledTimes(1);
  expect(getMe).toHaveBeenCalledTimes(1);
  expect(client.setRequestLocale).toHaveBeenCalledWith("en");
});

test("without a valid refresh cookie the visitor is anonymous and /users/me/ is not called", async () => {
  setHintCookie();
  client.refreshAccessToken.mockRejectedValue(
    new ApiError({ status: 401, code: "token_not_valid", detail: "x" }),
  );

  renderSession();

  expect(await screen.findByText("anonymous")).toBeInTheDocument();
  expect(getMe).not.toHaveBeenCalled();
});

test("the session hint is read from the cookie the backend sets", () => {
  expect(sessionHintPresent()).toBe(false);
  document.cookie = "other=1; path=/";
  setHintCookie();
  expect(sessionHintPresent()).toBe(true);
});

test("login authenticates and logout makes the visitor anonymous", async () => {
  login.mockResolvedValue({ access: "token", user: { id: 1, firstName: "Ada" } });
  logout.mockResolvedValue(undefined);
  renderSession();
  await screen.findByText("anonymous");

  act(() => screen.getByRole("button", { name: "log in" }).click());
  expect(await screen.findByText("hello Ada")).toBeInTheDocument();
  expect(client.setAccessToken).toHaveBeenLastCalledWith("token");

  act(() => screen.getByRole("button", { name: "log out" }).click());
  expect(await screen.findByText("anonymous")).toBeInTheDocument();
  expect(logout).toHaveBeenCalledTimes(1);
});

test("when the client reports an expired session, the token is dropped and login opens with a return URL", async () => {
  setHintCookie();
  client.refreshAccessToken.mockResolvedValue("token");
  getMe.mockResolvedValue({ id: 1, firstName: "Ada" });
  window.history.pushState({}, "", "/account?tab=2");
  renderSession();
  await screen.findByText("hello Ada");
  const onExpired = client.setSessionExpiredHandler.mock.calls.at(-1)![0] as () => void;

  act(() => onExpired());

  await waitFor(() => expect(screen.getByText("anonymous")).toBeInTheDocument());
  expect(client.setAccessToken).toHaveBeenLastCalledWith(null);
  expect(hardNavigate).toHaveBeenCalledWith("/login?next=%2Faccount%3Ftab%3D2");
});

describe("when the refresh at page load fails for another reason than the session", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const unavailable = () =>
    new ApiError({ status: 503, code: "service_unavailable", detail: "deploying" });

  test("it is retried, and a good cookie still restores the session", async () => {
    setHintCookie();
    client.refreshAccessToken.mockRejectedValueOnce(unavailable()).mockResolvedValueOnce("token");
    getMe.mockResolvedValue({ id: 1, firstName: "Ada" });

    renderSession();
    await act(() => jest.advanceTimersByTimeAsync(1000));

    expect(await screen.findByText("hello Ada")).toBeInTheDocument();
    expect(client.refreshAccessToken).toHaveBeenCalledTimes(2);
  });

  test("an API that stays down leaves the visitor anonymous after two retries", async () => {
    setHintCookie();
    client.refreshAccessToken.mockRejectedValue(unavailable());

    renderSession();
    await act(() => jest.advanceTimersByTimeAsync(4000));

    expect(await screen.findByText("anonymous")).toBeInTheDocument();
    expect(client.refreshAccessToken).toHaveBeenCalledTimes(3);
    expect(getMe).not.toHaveBeenCalled();
  });

  test("a refused session is not retried", async () => {
    setHintCookie();
    client.refreshAccessToken.mockRejectedValue(
      new ApiError({ status: 401, code: "token_not_valid", detail: "x" }),
    );

    renderSession();
    await act(() => jest.advanceTimersByTimeAsync(4000));

    expect(await screen.findByText("anonymous")).toBeInTheDocument();
    expect(client.refreshAccessToken).toHaveBeenCalledTimes(1);
  });
});
