import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { startAuthentication } from "@simplewebauthn/browser";

import { LoginFlow } from "@/features/auth/components/login-flow";
import { SessionProvider } from "@/features/auth/session";
import { apiClient, setAccessToken } from "@/lib/api/client";
import { webAuthnError } from "@/lib/webauthn";

import { router } from "./navigation-mock";
import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";
import { ada } from "./users";
import { assertion, notAllowed, setWebAuthnAvailable } from "./webauthn-stub";

jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);
jest.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams("next=/account"),
}));
jest.mock("@simplewebauthn/browser", () => ({ startAuthentication: jest.fn() }));

const options = { challenge: "c1", allowCredentials: [], userVerification: "required" };

function renderLogin() {
  renderWithIntl(
    <SessionProvider>
      <LoginFlow />
    </SessionProvider>,
  );
}

beforeEach(() => setAccessToken(null));

describe("with WebAuthn in the browser", () => {
  beforeEach(() => setWebAuthnAvailable(true));

  test("a passkey alone signs in, without an email, and no second step follows", async () => {
    const received: unknown[] = [];
    server.use(
      http.post("/api/v1/auth/passkey/options/", ({ response }) =>
        response(200).json({ challengeId: "ch-9", options }),
      ),
      http.post("/api/v1/auth/passkey/login/", async ({ request, response }) => {
        received.push(await request.json());
        return response(200).json({ access: "passkey-token", user: ada });
      }),
      http.get("/api/v1/users/me/", ({ request, response }) =>
        request.headers.get("Authorization") === "Bearer passkey-token"
          ? response(200).json(ada)
          : problem(401, "not_authenticated"),
      ),
    );
    jest.mocked(startAuthentication).mockResolvedValue(assertion as never);
    const user = userEvent.setup();
    renderLogin();

    await user.click(await screen.findByRole("button", { name: "Sign in with a passkey" }));

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/account"));
    expect(startAuthentication).toHaveBeenCalledWith({ optionsJSON: options });
    expect(received).toEqual([{ challengeId: "ch-9", credential: assertion }]);
    await expect(apiClient.GET("/api/v1/users/me/")).resolves.toEqual(ada);
  });

  test("a cancelled prompt says so and signs nobody in", async () => {
    server.use(
      http.post("/api/v1/auth/passkey/options/", ({ response }) =>
        response(200).json({ challengeId: "ch-9", options }),
      ),
    );
    jest.mocked(startAuthentication).mockRejectedValue(notAllowed());
    const user = userEvent.setup();
    renderLogin();

    await user.click(await screen.findByRole("button", { name: "Sign in with a passkey" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The passkey request was cancelled or timed out",
    );
    expect(router.replace).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Sign in with a passkey" })).toBeEnabled();
  });

  test("a passkey the server cannot verify shows the server's reason", async () => {
    server.use(
      http.post("/api/v1/auth/passkey/options/", ({ response }) =>
        response(200).json({ challengeId: "ch-9", options }),
      ),
      http.post("/api/v1/auth/passkey/login/", () => problem(400, "invalid_credential")),
    );
    jest.mocked(startAuthentication).mockResolvedValue(assertion as never);
    const user = userEvent.setup();
    renderLogin();

    await user.click(await screen.findByRole("button", { name: "Sign in with a passkey" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The passkey could not be verified.",
    );
  });
});

test("without WebAuthn the passkey button is not shown", async () => {
  setWebAuthnAvailable(false);
  renderLogin();

  expect(await screen.findByRole("button", { name: "Log in" })).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Sign in with a passkey" })).not.toBeInTheDocument();
});

test.each([
  ["NotAllowedError", undefined, "passkey_cancelled"],
  ["AbortError", undefined, "passkey_cancelled"],
  ["InvalidStateError", undefined, "passkey_already_registered"],
  ["Error", "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED", "passkey_already_registered"],
  ["SecurityError", "ERROR_INVALID_RP_ID", "passkey_failed"],
])("a browser refusal %s (%s) becomes the error code %s", (name, code, expected) => {
  const error = Object.assign(new Error("refused"), { name, ...(code ? { code } : {}) });
  expect(webAuthnError(error)).toMatchObject({ status: 0, code: expected, detail: "refused" });
});
