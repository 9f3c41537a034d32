import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { startAuthentication } from "@simplewebauthn/browser";

import { LoginFlow } from "@/features/auth/components/login-flow";
import { SessionProvider } from "@/features/auth/session";
import { apiClient, setAccessToken } from "@/lib/api/client";

import { router } from "./navigation-mock";
import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";
import { ada } from "./users";
import { assertion, setWebAuthnAvailable } from "./webauthn-stub";

jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);
jest.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams("next=/account"),
}));
jest.mock("@simplewebauthn/browser", () => ({ startAuthentication: jest.fn() }));

const challenge = {
  ticket: "t-1",
  methods: ["totp", "recoveryCode"] as ("totp" | "recoveryCode" | "passkey")[],
  expiresAt: "2026-12-06T05:05:00Z",
};

/** Login answers 202 with `methods`; returns what the second-step endpoints received. */
function mfaBackend(methods = challenge.methods) {
  const received: { path: string; body: unknown }[] = [];
  server.use(
    http.post("/api/v1/auth/login/", ({ response }) =>
      response(202).json({ ...challenge, methods }),
    ),
    http.post("/api/v1/auth/mfa/totp/", async ({ request, response }) => {
      const body = await request.json();
      received.push({ path: "totp", body });
      return body.code === "123456"
        ? response(200).json({ access: "mfa-token", user: ada })
        : problem(401, "invalid_code", { detail: "This code is not valid." });
    }),
    http.post("/api/v1/auth/mfa/recovery-code/", async ({ request, response }) => {
      received.push({ path: "recovery-code", body: await request.json() });
      return response(200).json({ access: "mfa-token", user: ada });
    }),
    http.get("/api/v1/users/me/", ({ request, response }) =>
      request.headers.get("Authorization") === "Bearer mfa-token"
        ? response(200).json(ada)
        : problem(401, "not_authenticated"),
    ),
  );
  return received;
}

async function passwordStep() {
  const user = userEvent.setup();
  renderWithIntl(
    <SessionProvider>
      <LoginFlow />
    </SessionProvider>,
  );
  await user.type(await screen.findByLabelText("Email"), "ada@example.com");
  await user.type(screen.getByLabelText("Password"), "secret-password");
  await user.click(screen.getByRole("button", { name: "Log in" }));
  return user;
}

beforeEach(() => {
  setAccessToken(null);
  setWebAuthnAvailable(false);
});

test("a 202 opens the code step with focus on a numeric one-time-code field, and the code signs in", async () => {
  const received = mfaBackend();
  const user = await passwordStep();

  const code = await screen.findByLabelText("Authentication code");
  await waitFor(() => expect(code).toHaveFocus());
  expect(code).toHaveAttribute("autocomplete", "one-time-code");
  expect(code).toHaveAttribute("inputmode", "numeric");
  expect(screen.queryByLabelText("Password")).not.toBeInTheDocument();

  await user.type(code, "123 456");
  await user.click(screen.getByRole("button", { name: "Verify" }));

  await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/account"));
  expect(received).toEqual([{ path: "totp", body: { ticket: "t-1", code: "123456" } }]);
  // The token from the second step is the session's.
  await expect(apiClient.GET("/api/v1/users/me/")).resolves.toEqual(ada);
});

test("a wrong code is announced with the field, which is cleared and focused again", async () => {
  mfaBackend();
  const user = await passwordStep();

  const code = await screen.findByLabelText("Authentication code");
  await user.type(code, "000000");
  await user.click(screen.getByRole("button", { name: "Verify" }));

  await waitFor(() =>
    expect(code).toHaveAccessibleDescription(expect.stringContaining("That code is not correct.")),
  );
  expect(code).toHaveAttribute("aria-invalid", "true");
  expect(code).toHaveValue("");
  await waitFor(() => expect(code).toHaveFocus());
  expect(router.replace).not.toHaveBeenCalled();
});

test("a code in the wrong format is refused before it is sent", async () => {
  const received = mfaBackend();
  const user = await passwordStep();

  await user.type(await screen.findByLabelText("Authentication code"), "12ab");
  await user.click(screen.getByRole("button", { name: "Verify" }));

  expect(await screen.findByText("Enter the 6-digit code.")).toBeInTheDocument();
  expect(received).toEqual([]);
});

test("a lockout says how long to wait, from Retry-After", async () => {
  mfaBackend();
  server.use(
    http.post("/api/v1/auth/mfa/totp/", () => {
      const answer = problem(429, "throttled", { detail: "Too many failed logins." });
      answer.headers.set("Retry-After", "45");
      return answer;
    }),
  );
  const user = await passwordStep();

  await user.type(await screen.findByLabelText("Authentication code"), "123456");
  await user.click(screen.getByRole("button", { name: "Verify" }));

  expect(await screen.findByRole("alert")).toHaveTextContent(
    "Too many attempts. Please try again in 45 seconds.",
  );
});

test("the switch to a recovery code moves focus to its field and sends it there", async () => {
  const received = mfaBackend();
  const user = await passwordStep();

  await user.click(await screen.findByRole("button", { name: "Use a recovery code instead" }));
  const field = screen.getByLabelText("Recovery code");
  await waitFor(() => expect(field).toHaveFocus());
  expect(field).not.toHaveAttribute("inputmode", "numeric");
  await user.type(field, "abcd-efgh");
  await user.click(screen.getByRole("button", { name: "Verify" }));

  await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/account"));
  expect(received).toEqual([{ path: "recovery-code", body: { ticket: "t-1", code: "abcd-efgh" } }]);
  expect(
    screen.queryByRole("button", { name: "Use a code from your authenticator app" }),
  ).toBeInTheDocument();
});

test("a used-up ticket offers to start over, which returns to the password with focus on email", async () => {
  mfaBackend();
  server.use(
    http.post("/api/v1/auth/mfa/totp/", () =>
      problem(401, "invalid_ticket", { detail: "Log in again." }),
    ),
  );
  const user = await passwordStep();

  await user.type(await screen.findByLabelText("Authentication code"), "123456");
  await user.click(screen.getByRole("button", { name: "Verify" }));

  expect(await screen.findByRole("alert")).toHaveTextContent(
    "This sign-in has expired or was already used.",
  );
  expect(screen.getByLabelText("Authentication code")).toBeDisabled();
  await user.click(screen.getByRole("button", { name: "Start over" }));

  await waitFor(() => expect(screen.getByLabelText("Email")).toHaveFocus());
});

test("a passkey answers the second step when the account has one", async () => {
  setWebAuthnAvailable(true);
  const received = mfaBackend(["passkey", "recoveryCode"]);
  const options = { challenge: "c2", allowCredentials: [{ id: "cred-1", type: "public-key" }] };
  server.use(
    http.post("/api/v1/auth/mfa/passkey/options/", async ({ request, response }) => {
      received.push({ path: "passkey/options", body: await request.json() });
      return response(200).json({ challengeId: "ch-1", options });
    }),
    http.post("/api/v1/auth/mfa/passkey/", async ({ request, response }) => {
      received.push({ path: "passkey", body: await request.json() });
      return response(200).json({ access: "mfa-token", user: ada });
    }),
  );
  jest.mocked(startAuthentication).mockResolvedValue(assertion as never);
  const user = await passwordStep();

  await user.click(await screen.findByRole("button", { name: "Use a passkey" }));

  await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/account"));
  expect(startAuthentication).toHaveBeenCalledWith({ optionsJSON: options });
  expect(received).toEqual([
    { path: "passkey/options", body: { ticket: "t-1" } },
    { path: "passkey", body: { ticket: "t-1", challengeId: "ch-1", credential: assertion } },
  ]);
});

test("without WebAuthn in the browser the passkey option is not offered", async () => {
  mfaBackend(["totp", "passkey"]);
  await passwordStep();

  expect(await screen.findByLabelText("Authentication code")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Use a passkey" })).not.toBeInTheDocument();
});
