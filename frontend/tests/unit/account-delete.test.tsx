import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useSyncExternalStore } from "react";

import { DeleteAccountForm } from "@/features/account/components/delete-account-form";
import { RequireAuth } from "@/features/auth/components/require-auth";
import type { User } from "@/lib/api/types";

import { router } from "./navigation-mock";
import { renderWithIntl, testPath } from "./render";
import { http, problem, server } from "./server";
import { ada } from "./users";

// jest.mock factories run before imports, so the shared mock is loaded from inside the factory.
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

const hardNavigate = jest.fn();
jest.mock("@/lib/hard-navigate", () => ({ hardNavigate: (url: string) => hardNavigate(url) }));

/**
 * The session as RequireAuth sees it: signed in until someone calls clear(), which makes it
 * anonymous for every component at once, as SessionProvider does.
 */
const session = (() => {
  let status: "authenticated" | "anonymous" = "authenticated";
  const listeners = new Set<() => void>();
  return {
    reset: () => void (status = "authenticated"),
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    status: () => status,
    clear: () => {
      status = "anonymous";
      listeners.forEach((listener) => listener());
    },
  };
})();
jest.mock("@/features/auth/session", () => ({
  useSession: () => {
    const status = useSyncExternalStore(session.subscribe, session.status);
    return { status, user: status === "authenticated" ? ada : null, clear: session.clear };
  },
}));

beforeEach(() => session.reset());

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

const withoutPassword: User = { ...ada, hasPassword: false };
const DELETE = { name: "Delete my account" };
const PASSWORD = "Enter your password to confirm";
const CONFIRM_EMAIL = "Type your email address (ada@example.com) to confirm";

/** The dialog that asks once more; answers it with its destructive button. */
async function confirmInDialog(user: ReturnType<typeof userEvent.setup>) {
  const dialog = await screen.findByRole("alertdialog", { name: "Delete your account for good?" });
  expect(dialog).toHaveAccessibleDescription(/cannot be undone/);
  await user.click(within(dialog).getByRole("button", DELETE));
}

describe("DeleteAccountForm with a password", () => {
  test("on /account, lands on the confirmation page, not on the login form", async () => {
    const bodies = deleteBackend();
    const user = userEvent.setup();
    renderWithIntl(
      <RequireAuth>
        <DeleteAccountForm user={ada} />
      </RequireAuth>,
    );

    await user.type(screen.getByLabelText(PASSWORD), "secret-password");
    await user.click(screen.getByRole("button", DELETE));
    await confirmInDialog(user);

    await waitFor(() => expect(hardNavigate).toHaveBeenCalledWith(testPath("/account-deleted")));
    expect(bodies).toEqual([{ password: "secret-password" }]);
    expect(router.replace).not.toHaveBeenCalled();
  });

  test("Cancel in the dialog deletes nothing", async () => {
    const bodies = deleteBackend();
    const user = userEvent.setup();
    renderWithIntl(<DeleteAccountForm user={ada} />);

    await user.type(screen.getByLabelText(PASSWORD), "secret-password");
    await user.click(screen.getByRole("button", DELETE));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.keyboard("{Escape}");

    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(bodies).toEqual([]);
    expect(hardNavigate).not.toHaveBeenCalled();
    expect(screen.getByRole("button", DELETE)).toBeEnabled();
  });

  test("an empty password is refused before asking anything", async () => {
    const bodies = deleteBackend();
    const user = userEvent.setup();
    renderWithIntl(<DeleteAccountForm user={ada} />);

    await user.click(screen.getByRole("button", DELETE));

    expect(screen.getByLabelText(PASSWORD)).toHaveAccessibleDescription("This field is required.");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(bodies).toEqual([]);
  });

  test("a wrong password shows the backend's message on the field", async () => {
    deleteBackend(() =>
      problem(400, "validation_error", {
        errors: [{ field: "password", message: "The password is wrong.", code: "invalid" }],
      }),
    );
    const user = userEvent.setup();
    renderWithIntl(<DeleteAccountForm user={ada} />);

    await user.type(screen.getByLabelText(PASSWORD), "wrong");
    await user.click(screen.getByRole("button", DELETE));
    await confirmInDialog(user);

    expect(
      await screen.findByText("The password is wrong.", { selector: "p" }),
    ).toBeInTheDocument();
    expect(hardNavigate).not.toHaveBeenCalled();
  });
});

describe("DeleteAccountForm without a password", () => {
  test("asks for the email address instead, and sends no password", async () => {
    const bodies = deleteBackend();
    const user = userEvent.setup();
    renderWithIntl(<DeleteAccountForm user={withoutPassword} />);

    expect(screen.queryByLabelText(PASSWORD)).not.toBeInTheDocument();
    expect(document.querySelector('input[type="password"]')).toBeNull();
    await user.type(screen.getByLabelText(CONFIRM_EMAIL), " Ada@Example.com ");
    await user.click(screen.getByRole("button", DELETE));
    await confirmInDialog(user);

    await waitFor(() => expect(hardNavigate).toHaveBeenCalledWith(testPath("/account-deleted")));
    expect(bodies).toEqual([{}]);
  });

  test.each([
    ["", "This field is required."],
    ["grace@example.com", "This is not the email address of your account."],
  ])("%j is refused before asking the backend", async (typed, message) => {
    const bodies = deleteBackend();
    const user = userEvent.setup();
    renderWithIntl(<DeleteAccountForm user={withoutPassword} />);

    if (typed) await user.type(screen.getByLabelText(CONFIRM_EMAIL), typed);
    await user.click(screen.getByRole("button", DELETE));

    const field = screen.getByLabelText(CONFIRM_EMAIL);
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(message);
    expect(bodies).toEqual([]);
  });
});
