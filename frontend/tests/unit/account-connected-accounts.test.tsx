import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { ConnectedAccounts } from "@/features/account/components/connected-accounts";

import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";

describe("ConnectedAccounts", () => {
  const github = { id: 3, provider: "github", uid: "42", createdAt: "2026-01-05T00:00:00Z" };

  test("lists linked providers and unlinks one after confirmation", async () => {
    const unlinked: string[] = [];
    server.use(
      http.get("/api/v1/users/me/social-accounts/", ({ response }) => response(200).json([github])),
      http.delete("/api/v1/users/me/social-accounts/{account_id}/", ({ params, response }) => {
        unlinked.push(params.account_id);
        return response(204).empty();
      }),
    );
    const user = userEvent.setup();
    renderWithIntl(<ConnectedAccounts hasPassword />);

    expect(await screen.findByText("github")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Unlink" }));
    const dialog = screen.getByRole("alertdialog", { name: "Unlink github?" });
    expect(dialog).toHaveAccessibleDescription("You will no longer be able to log in with github.");
    await user.click(within(dialog).getByRole("button", { name: "Unlink" }));

    expect(await screen.findByText("No accounts are connected.")).toBeInTheDocument();
    expect(unlinked).toEqual(["3"]);
  });

  test("explains why the last way to log in cannot be unlinked", async () => {
    server.use(
      http.get("/api/v1/users/me/social-accounts/", ({ response }) => response(200).json([github])),
      http.delete("/api/v1/users/me/social-accounts/{account_id}/", () =>
        problem(409, "last_login_method", { detail: "Set a password first." }),
      ),
    );
    const user = userEvent.setup();
    renderWithIntl(<ConnectedAccounts hasPassword />);

    await user.click(await screen.findByRole("button", { name: "Unlink" }));
    await user.click(
      within(screen.getByRole("alertdialog")).getByRole("button", { name: "Unlink" }),
    );

    expect(await screen.findByRole("alert")).toHaveTextContent("This is your only way to log in.");
    expect(screen.getByText("github")).toBeInTheDocument();
  });

  test("Cancel in the dialog unlinks nothing", async () => {
    server.use(
      http.get("/api/v1/users/me/social-accounts/", ({ response }) => response(200).json([github])),
    );
    const user = userEvent.setup();
    renderWithIntl(<ConnectedAccounts hasPassword />);

    await user.click(await screen.findByRole("button", { name: "Unlink" }));
    await user.click(
      within(screen.getByRole("alertdialog")).getByRole("button", { name: "Cancel" }),
    );

    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(screen.getByText("github")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Unlink" })).toHaveFocus();
  });

  test.each([
    [true, "Accounts you can log in with besides your password."],
    [false, "You have no password, so you can unlink the last one only after setting a password."],
  ])("with hasPassword %s, the intro says how they log in", async (hasPassword, intro) => {
    server.use(
      http.get("/api/v1/users/me/social-accounts/", ({ response }) => response(200).json([github])),
    );
    renderWithIntl(<ConnectedAccounts hasPassword={hasPassword} />);

    expect(await screen.findByText("github")).toBeInTheDocument();
    expect(screen.getByText(intro, { exact: false })).toBeInTheDocument();
  });
});
