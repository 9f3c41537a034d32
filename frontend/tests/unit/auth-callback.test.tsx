import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { AuthCallback } from "@/features/auth/components/auth-callback";

import { router } from "./navigation-mock";
import { renderWithIntl } from "./render";

// jest.mock factories run before imports, so the shared mock is loaded from inside the factory.
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

const restore = jest.fn();
const completeLogin = jest.fn();
jest.mock("@/features/auth/session", () => ({ useSession: () => ({ restore, completeLogin }) }));

test("turns the refresh cookie into a session and continues to a local next page", async () => {
  restore.mockResolvedValue({ id: 1 });

  renderWithIntl(<AuthCallback next="/account" error={null} />);

  await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/account"));
  expect(restore).toHaveBeenCalledTimes(1);
});

test("never follows a next URL to another site", async () => {
  restore.mockResolvedValue({ id: 1 });

  renderWithIntl(<AuthCallback next="https://evil.example/" error={null} />);

  await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/"));
});

test("shows the translated provider error and does not try to log in", () => {
  renderWithIntl(<AuthCallback next={null} error="account_in_use" />);

  expect(screen.getByRole("alert")).toHaveTextContent(
    "That account is already linked to another user.",
  );
  expect(restore).not.toHaveBeenCalled();
});

test("an unknown error code still gets a sentence", () => {
  renderWithIntl(<AuthCallback next={null} error="something_new" />);

  expect(screen.getByRole("alert")).toHaveTextContent(
    "Signing in with that provider did not work.",
  );
});

test("a callback without a usable cookie reports failure", async () => {
  restore.mockResolvedValue(null);

  renderWithIntl(<AuthCallback next="/" error={null} />);

  expect(await screen.findByRole("alert")).toHaveTextContent(
    "Signing in with that provider did not work.",
  );
  expect(router.replace).not.toHaveBeenCalled();
});

test("an account with a second factor is asked for it on the callback page, without a refresh", async () => {
  renderWithIntl(
    <AuthCallback
      next="/account"
      error={null}
      challenge={{ ticket: "t-1", methods: ["totp", "recoveryCode"] }}
    />,
  );

  await waitFor(() => expect(screen.getByLabelText("Authentication code")).toHaveFocus());
  expect(screen.getByRole("heading", { name: "Two-factor authentication" })).toBeInTheDocument();
  expect(restore).not.toHaveBeenCalled();
});

test("giving up on the second step goes back to login, keeping the page to return to", async () => {
  const user = userEvent.setup();
  renderWithIntl(
    <AuthCallback next="/account" error={null} challenge={{ ticket: "t-1", methods: ["totp"] }} />,
  );

  await user.click(screen.getByRole("button", { name: "Back to login" }));

  expect(router.replace).toHaveBeenCalledWith("/login?next=%2Faccount");
});
