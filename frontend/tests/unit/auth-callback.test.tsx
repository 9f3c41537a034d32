import { screen, waitFor } from "@testing-library/react";

import { AuthCallback } from "@/features/auth/components/auth-callback";

import { router } from "./navigation-mock";
import { renderWithIntl } from "./render";

// jest.mock factories run before imports, so the shared mock is loaded from inside the factory.
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

const restore = jest.fn();
jest.mock("@/features/auth/session", () => ({ useSession: () => ({ restore }) }));

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
