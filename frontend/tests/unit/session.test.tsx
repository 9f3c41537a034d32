import { act, screen, waitFor } from "@testing-library/react";

import { SessionProvider, useSession } from "@/features/auth/session";
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
jest.mock("@/features/auth/api", () => ({
  getMe: () => getMe(),
  login: jest.fn(),
  logout: jest.fn(),
}));

function Probe() {
  const session = useSession();
  return (
    <p>{session.status === "authenticated" ? `hello ${session.user.firstName}` : session.status}</p>
  );
}

test("on load one refresh call and one /users/me/ restore the session", async () => {
  client.refreshAccessToken.mockResolvedValue("token");
  getMe.mockResolvedValue({ id: 1, firstName: "Ada" });

  renderWithIntl(
    <SessionProvider>
      <Probe />
    </SessionProvider>,
  );

  expect(screen.getByText("loading")).toBeInTheDocument();
  expect(await screen.findByText("hello Ada")).toBeInTheDocument();
  expect(client.refreshAccessToken).toHaveBeenCalledTimes(1);
  expect(getMe).toHaveBeenCalledTimes(1);
  expect(client.setRequestLocale).toHaveBeenCalledWith("en");
});

test("without a valid refresh cookie the visitor is anonymous and /users/me/ is not called", async () => {
  client.refreshAccessToken.mockRejectedValue(
    new ApiError({ status: 401, code: "token_not_valid", detail: "x" }),
  );

  renderWithIntl(
    <SessionProvider>
      <Probe />
    </SessionProvider>,
  );

  expect(await screen.findByText("anonymous")).toBeInTheDocument();
  expect(getMe).not.toHaveBeenCalled();
});

test("when the client reports an expired session, the token is dropped and login opens with a return URL", async () => {
  client.refreshAccessToken.mockResolvedValue("token");
  getMe.mockResolvedValue({ id: 1, firstName: "Ada" });
  window.history.pushState({}, "", "/account?tab=2");
  renderWithIntl(
    <SessionProvider>
      <Probe />
    </SessionProvider>,
  );
  await screen.findByText("hello Ada");
  const onExpired = client.setSessionExpiredHandler.mock.calls.at(-1)![0] as () => void;

  act(() => onExpired());

  await waitFor(() => expect(screen.getByText("anonymous")).toBeInTheDocument());
  expect(client.setAccessToken).toHaveBeenLastCalledWith(null);
  expect(hardNavigate).toHaveBeenCalledWith("/login?next=%2Faccount%3Ftab%3D2");
});
