import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { ChangeEmailForm } from "@/features/account/components/change-email-form";
import { ConfirmEmailChange } from "@/features/account/components/confirm-email-change";
// [copier] if lang_both
import { LanguagePreference } from "@/features/account/components/language-preference";
// [copier] end

// [copier] if lang_both
import { router } from "./navigation-mock";
// [copier] end
import { renderWithIntl, testPath } from "./render";
import { http, problem, server } from "./server";
import { ada } from "./users";

// jest.mock factories run before imports, so the shared mock is loaded from inside the factory.
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

const setUser = jest.fn();
jest.mock("@/features/auth/session", () => ({ useSession: () => ({ setUser }) }));

const hardNavigate = jest.fn();
jest.mock("@/lib/hard-navigate", () => ({ hardNavigate: (url: string) => hardNavigate(url) }));

describe("ChangeEmailForm", () => {
  test("sends the new address with the password and says where the link went", async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post("/api/v1/users/me/email/", async ({ request, response }) => {
        bodies.push(await request.json());
        return response(202).json({ detail: "sent" });
      }),
    );
    const user = userEvent.setup();
    renderWithIntl(<ChangeEmailForm user={ada} />);

    await user.type(screen.getByLabelText("New email address"), " new@example.org");
    await user.type(screen.getByLabelText("Current password"), "secret-password");
    await user.click(screen.getByRole("button", { name: "Change email address" }));

    expect(await screen.findByRole("status")).toHaveTextContent(
      "Check the inbox of new@example.org",
    );
    expect(bodies).toEqual([{ newEmail: "new@example.org", password: "secret-password" }]);
    expect(screen.getByLabelText("Current password")).toHaveValue("");
  });

  test("refuses the current address before asking the backend", async () => {
    const user = userEvent.setup();
    renderWithIntl(<ChangeEmailForm user={ada} />);

    await user.type(screen.getByLabelText("New email address"), "ADA@example.com");
    await user.type(screen.getByLabelText("Current password"), "x");
    await user.click(screen.getByRole("button", { name: "Change email address" }));

    expect(await screen.findByText("This is already your email address.")).toBeInTheDocument();
  });

  test("puts the backend's wrong-password answer on the password field", async () => {
    server.use(
      http.post("/api/v1/users/me/email/", () =>
        problem(400, "validation_error", {
          errors: [{ field: "password", code: "invalid", message: "The password is wrong." }],
        }),
      ),
    );
    const user = userEvent.setup();
    renderWithIntl(<ChangeEmailForm user={ada} />);

    await user.type(screen.getByLabelText("New email address"), "new@example.org");
    await user.type(screen.getByLabelText("Current password"), "wrong");
    await user.click(screen.getByRole("button", { name: "Change email address" }));

    expect(await screen.findByText("The password is wrong.")).toBeInTheDocument();
    expect(screen.getByLabelText("Current password")).toHaveAttribute("aria-invalid", "true");
  });

  test("an account without a password is sent to set one first", () => {
    renderWithIntl(<ChangeEmailForm user={{ ...ada, hasPassword: false }} />);

    expect(screen.getByText(/Set one first to change your email address/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Set a password by email" })).toHaveAttribute(
      "href",
      "/forgot-password",
    );
    expect(screen.queryByLabelText("New email address")).not.toBeInTheDocument();
  });
});

describe("ConfirmEmailChange", () => {
  test("spends the token once and loads the confirmation page in full", async () => {
    const tokens: unknown[] = [];
    server.use(
      http.post("/api/v1/auth/email/change/confirm/", async ({ request }) => {
        tokens.push(await request.json());
        return new Response(null, { status: 204 });
      }),
    );
    renderWithIntl(<ConfirmEmailChange token="t-1" />);

    expect(screen.getByRole("status")).toHaveTextContent("Changing your email address…");
    await waitFor(() => expect(hardNavigate).toHaveBeenCalledWith(testPath("/email-changed")));
    expect(tokens).toEqual([{ token: "t-1" }]);
  });

  test("an expired or used link says so and leads back to the account", async () => {
    server.use(
      http.post("/api/v1/auth/email/change/confirm/", () => problem(400, "invalid_token")),
    );
    renderWithIntl(<ConfirmEmailChange token="used" />);

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This link is invalid or has expired.",
    );
    expect(screen.getByRole("link", { name: "Back to your account" })).toHaveAttribute(
      "href",
      "/account",
    );
    expect(hardNavigate).not.toHaveBeenCalled();
  });

  test("an address taken meanwhile is explained", async () => {
    server.use(http.post("/api/v1/auth/email/change/confirm/", () => problem(409, "email_taken")));
    renderWithIntl(<ConfirmEmailChange token="t-2" />);

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Another account uses this address now",
    );
  });

  test("a link without a token fails without a request", () => {
    renderWithIntl(<ConfirmEmailChange token={null} />);

    expect(screen.getByRole("alert")).toHaveTextContent("This link is invalid or has expired.");
  });
});

// [copier] if lang_both
describe("LanguagePreference", () => {
  test("saves the language of emails and switches the site to it", async () => {
    const bodies: unknown[] = [];
    server.use(
      http.patch("/api/v1/users/me/", async ({ request, response }) => {
        const body = await request.json();
        bodies.push(body);
        return response(200).json({ ...ada, language: "de" });
      }),
    );
    const user = userEvent.setup();
    renderWithIntl(<LanguagePreference user={ada} />);

    expect(screen.getByLabelText("Language of emails and of this site")).toHaveValue("en");
    await user.selectOptions(screen.getByLabelText("Language of emails and of this site"), "de");
    await user.click(screen.getByRole("button", { name: "Save language" }));

    await waitFor(() => expect(setUser).toHaveBeenCalledWith({ ...ada, language: "de" }));
    expect(bodies).toEqual([{ language: "de" }]);
    expect(router.replace).toHaveBeenCalledWith("/current", { locale: "de" });
  });

  test("keeps the page when the language is the site's already", async () => {
    server.use(
      http.patch("/api/v1/users/me/", ({ response }) =>
        response(200).json({ ...ada, language: "en" }),
      ),
    );
    const user = userEvent.setup();
    renderWithIntl(<LanguagePreference user={{ ...ada, language: "de" }} />);

    await user.selectOptions(screen.getByLabelText("Language of emails and of this site"), "en");
    await user.click(screen.getByRole("button", { name: "Save language" }));

    expect(await screen.findByText("Your language has been saved.")).toBeInTheDocument();
    expect(router.replace).not.toHaveBeenCalled();
  });

  test("shows why saving failed", async () => {
    server.use(http.patch("/api/v1/users/me/", () => problem(400, "validation_error")));
    const user = userEvent.setup();
    renderWithIntl(<LanguagePreference user={ada} />);

    await user.click(screen.getByRole("button", { name: "Save language" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Please correct the highlighted fields.",
    );
  });
});
// [copier] end
