import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { login as loginRequest } from "@/features/auth/api";
import { LoginFlow } from "@/features/auth/components/login-flow";
import { RegisterForm } from "@/features/auth/components/register-form";
import { ApiError } from "@/lib/api/errors";
import type { RegisterInput } from "@/lib/api/types";

import { router } from "./navigation-mock";
import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";

// jest.mock factories run before imports, so the shared mock is loaded from inside the factory.
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);
jest.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams("next=/account"),
}));

const login = jest.fn();
jest.mock("@/features/auth/session", () => ({ useSession: () => ({ login }) }));

describe("LoginFlow, password step", () => {
  test.each([
    ["139", "Too many attempts. Please try again in 3 minutes."],
    ["45", "Too many attempts. Please try again in 45 seconds."],
    ["1", "Too many attempts. Please try again in 1 second."],
  ])("a lockout with Retry-After: %s says how long to wait", async (retryAfter, message) => {
    server.use(
      http.post("/api/v1/auth/login/", () => {
        const answer = problem(429, "throttled", {
          detail: `Too many failed logins. Expected available in ${retryAfter} seconds.`,
        });
        answer.headers.set("Retry-After", retryAfter);
        return answer;
      }),
    );
    // The real call, through the API client, so the header goes through toApiError.
    login.mockImplementation((email: string, password: string) => loginRequest(email, password));
    const user = userEvent.setup();
    renderWithIntl(<LoginFlow />);

    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "the-right-password");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(message);
  });

  test("client validation marks the fields invalid, describes why and focuses the first", async () => {
    const user = userEvent.setup();
    renderWithIntl(<LoginFlow />);

    await user.click(screen.getByRole("button", { name: "Log in" }));

    const email = screen.getByLabelText("Email");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("Enter a valid email address.");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(
      "This field is required.",
    );
    await waitFor(() => expect(email).toHaveFocus());
    expect(login).not.toHaveBeenCalled();
  });

  test("logs in and goes to the page it came from", async () => {
    login.mockResolvedValue({ user: { id: 1 }, challenge: null });
    const user = userEvent.setup();
    renderWithIntl(<LoginFlow />);

    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "secret-password");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(login).toHaveBeenCalledWith("ada@example.com", "secret-password");
    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/account"));
  });

  test("wrong credentials show the translated message and re-enable the form", async () => {
    login.mockRejectedValue(
      new ApiError({
        status: 401,
        code: "invalid_credentials",
        detail: "No active account found.",
      }),
    );
    const user = userEvent.setup();
    renderWithIntl(<LoginFlow />);

    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "wrong");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The email or password is not correct.",
    );
    expect(screen.getByRole("button", { name: "Log in" })).toBeEnabled();
    expect(router.replace).not.toHaveBeenCalled();
  });

  test("an unverified account is sent to ask for a new link", async () => {
    login.mockRejectedValue(
      new ApiError({ status: 403, code: "email_not_verified", detail: "Verify first." }),
    );
    const user = userEvent.setup();
    renderWithIntl(<LoginFlow />);

    await user.type(screen.getByLabelText("Email"), "new@example.com");
    await user.type(screen.getByLabelText("Password"), "secret-password");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    await waitFor(() =>
      expect(router.push).toHaveBeenCalledWith("/check-email?email=new%40example.com"),
    );
  });
});

describe("RegisterForm", () => {
  test("names count their characters and a long one is refused with the limit", async () => {
    const user = userEvent.setup();
    renderWithIntl(<RegisterForm />);
    const firstName = screen.getByLabelText("First name");
    expect(firstName).toHaveAccessibleDescription("0 characters of 150");

    await user.type(firstName, "Ada");
    expect(firstName).toHaveAccessibleDescription("3 characters of 150");
    await user.clear(firstName);
    await user.click(firstName);
    await user.paste("a".repeat(151));
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect(firstName).toHaveAccessibleDescription(
      "Use at most 150 characters. 151 characters of 150",
    );
  });

  async function fillAndSubmit() {
    const user = userEvent.setup();
    renderWithIntl(<RegisterForm />);
    await user.type(screen.getByLabelText("First name"), "Ada");
    await user.type(screen.getByLabelText("Last name"), "Lovelace");
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "password123");
    await user.click(screen.getByRole("button", { name: "Create account" }));
  }

  test("backend field errors appear next to their fields and the first takes focus", async () => {
    server.use(
      http.post("/api/v1/auth/register/", () =>
        problem(400, "validation_error", {
          detail: "Invalid input.",
          errors: [
            {
              field: "password",
              code: "password_too_common",
              message: "This password is too common.",
            },
            { field: "email", code: "unique", message: "A user with that email already exists." },
          ],
        }),
      ),
    );

    await fillAndSubmit();

    const email = await screen.findByLabelText("Email");
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription("A user with that email already exists.");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription(
      "This password is too common. At least 8 characters; avoid common passwords.",
    );
    await waitFor(() => expect(email).toHaveFocus());
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("disables the form while the request runs, then asks the user to check their email", async () => {
    let finish: () => void = () => undefined;
    const registered: RegisterInput[] = [];
    server.use(
      http.post("/api/v1/auth/register/", async ({ request, response }) => {
        registered.push(await request.json());
        await new Promise<void>((resolve) => (finish = resolve));
        return response(201).json({ detail: "Check your email." });
      }),
    );

    await fillAndSubmit();

    expect(screen.getByRole("button", { name: "Creating account…" })).toBeDisabled();
    expect(screen.getByLabelText("Email")).toBeDisabled();
    await waitFor(() => expect(registered).toHaveLength(1));
    finish();
    await waitFor(() =>
      expect(router.push).toHaveBeenCalledWith("/check-email?email=ada%40example.com"),
    );
    expect(registered).toEqual([
      {
        firstName: "Ada",
        lastName: "Lovelace",
        email: "ada@example.com",
        password: "password123",
      },
    ]);
  });
});
