import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { DeleteAccountForm } from "@/features/account/components/delete-account-form";
import { PasswordSettings } from "@/features/account/components/password-settings";
import { emailKey } from "@/features/account/schemas";
import type { User } from "@/lib/api/types";

import { router } from "./navigation-mock";
import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";
import { ada } from "./users";

// jest.mock factories run before imports, so the shared mock is loaded from inside the factory.
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

const clear = jest.fn();
jest.mock("@/features/auth/session", () => ({ useSession: () => ({ clear }) }));

/** Bodies of the DELETE /users/me/ requests the backend received. */
function deleteBackend(answer: () => Response = () => new Response(null, { status: 204 })) {
  const bodies: unknown[] = [];
  server.use(
    http.delete("/api/v1/users/me/", async ({ request }) => {
      // The schema leaves DELETE bodies out (see deleteAccount), so this one is read untyped.
      bodies.push(JSON.parse(await request.text()));
      return answer();
    }),
  );
  return bodies;
}

const withPassword = ada;
const socialOnly: User = { ...ada, hasPassword: false };

const DELETE = { name: "Delete my account" };
const CONFIRM_EMAIL = "Type your email address (ada@example.com) to confirm";

describe("DeleteAccountForm with a password", () => {
  test("sends the password, then ends the session and leaves", async () => {
    const bodies = deleteBackend();
    const user = userEvent.setup();
    renderWithIntl(<DeleteAccountForm user={withPassword} />);

    await user.type(screen.getByLabelText("Enter your password to confirm"), "secret-password");
    await user.click(screen.getByRole("button", DELETE));

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/"));
    expect(bodies).toEqual([{ password: "secret-password" }]);
    expect(clear).toHaveBeenCalled();
    expect(screen.queryByLabelText(CONFIRM_EMAIL)).not.toBeInTheDocument();
  });

  test("an empty password is refused before asking the backend", async () => {
    const bodies = deleteBackend();
    const user = userEvent.setup();
    renderWithIntl(<DeleteAccountForm user={withPassword} />);

    await user.click(screen.getByRole("button", DELETE));

    expect(screen.getByLabelText("Enter your password to confirm")).toHaveAccessibleDescription(
      "This field is required.",
    );
    expect(bodies).toEqual([]);
  });

  test("a wrong password shows the backend's message on the field", async () => {
    deleteBackend(() =>
      problem(400, "validation_error", {
        errors: [{ field: "password", message: "The password is wrong.", code: "invalid" }],
      }),
    );
    const user = userEvent.setup();
    renderWithIntl(<DeleteAccountForm user={withPassword} />);

    await user.type(screen.getByLabelText("Enter your password to confirm"), "wrong");
    await user.click(screen.getByRole("button", DELETE));

    expect(
      await screen.findByText("The password is wrong.", { selector: "p" }),
    ).toBeInTheDocument();
    expect(clear).not.toHaveBeenCalled();
  });
});

describe("DeleteAccountForm without a password", () => {
  test("asks for the email address instead, and sends no password", async () => {
    const bodies = deleteBackend();
    const user = userEvent.setup();
    renderWithIntl(<DeleteAccountForm user={socialOnly} />);

    expect(screen.queryByLabelText("Enter your password to confirm")).not.toBeInTheDocument();
    expect(document.querySelector('input[type="password"]')).toBeNull();
    await user.type(screen.getByLabelText(CONFIRM_EMAIL), " Ada@Example.com ");
    await user.click(screen.getByRole("button", DELETE));

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/"));
    expect(bodies).toEqual([{}]);
    expect(clear).toHaveBeenCalled();
  });

  test.each([
    ["", "This field is required."],
    ["grace@example.com", "This is not the email address of your account."],
  ])("%j is refused before asking the backend", async (typed, message) => {
    const bodies = deleteBackend();
    const user = userEvent.setup();
    renderWithIntl(<DeleteAccountForm user={socialOnly} />);

    if (typed) await user.type(screen.getByLabelText(CONFIRM_EMAIL), typed);
    await user.click(screen.getByRole("button", DELETE));

    const field = screen.getByLabelText(CONFIRM_EMAIL);
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(message);
    expect(bodies).toEqual([]);
  });
});

describe("PasswordSettings", () => {
  test("with a password, offers the change form", () => {
    renderWithIntl(<PasswordSettings hasPassword />);

    expect(screen.getByLabelText("Current password")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Change password" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Set a password by email" })).not.toBeInTheDocument();
  });

  test("without one, explains and links to the emailed reset instead of the form", () => {
    renderWithIntl(<PasswordSettings hasPassword={false} />);

    expect(screen.getByText(/You log in with a connected account/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Set a password by email" })).toHaveAttribute(
      "href",
      "/forgot-password",
    );
    expect(screen.queryByLabelText("Current password")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Change password" })).not.toBeInTheDocument();
  });
});

describe("emailKey", () => {
  test.each([
    ["Ada@Example.com ", "ada@example.com"],
    ["bob@bücher.example", "bob@xn--bcher-kva.example"],
    ["bob@xn--bcher-kva.example", "bob@xn--bcher-kva.example"],
    ["no-at-sign", "no-at-sign"],
  ])("%j -> %j", (address, key) => {
    expect(emailKey(address)).toBe(key);
  });
});
