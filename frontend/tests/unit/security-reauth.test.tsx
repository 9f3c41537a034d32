import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { startAuthentication } from "@simplewebauthn/browser";
import { useState } from "react";

import { ReauthProvider, useReauth } from "@/features/security/reauth";
import { apiClient, setAccessToken } from "@/lib/api/client";
import { toApiError } from "@/lib/api/errors";

import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";
import { assertion, setWebAuthnAvailable } from "./webauthn-stub";

jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);
jest.mock("@simplewebauthn/browser", () => ({ startAuthentication: jest.fn() }));

/** Two protected calls started together, as two controls of the page could. */
function Probe() {
  const withReauth = useReauth();
  const [result, setResult] = useState("");
  const run = () =>
    Promise.allSettled([
      withReauth(() => apiClient.POST("/api/v1/users/me/mfa/recovery-codes/")),
      withReauth(() => apiClient.DELETE("/api/v1/users/me/mfa/totp/")),
    ]).then((outcomes) =>
      setResult(
        outcomes
          .map((o) => (o.status === "fulfilled" ? "ok" : toApiError(o.reason).code))
          .join(" "),
      ),
    );
  return (
    <>
      <button type="button" onClick={() => void run()}>
        change
      </button>
      <p>{result}</p>
    </>
  );
}

function backend() {
  const asked: string[] = [];
  const fresh = (request: Request) => request.headers.get("Authorization") === "Bearer fresh";
  server.use(
    http.post("/api/v1/users/me/mfa/recovery-codes/", ({ request, response }) => {
      asked.push(`codes ${fresh(request)}`);
      return fresh(request)
        ? response(200).json({ recoveryCodes: [] })
        : problem(403, "reauthentication_required");
    }),
    http.delete("/api/v1/users/me/mfa/totp/", ({ request, response }) => {
      asked.push(`disable ${fresh(request)}`);
      return fresh(request) ? response(204).empty() : problem(403, "reauthentication_required");
    }),
    http.post("/api/v1/auth/reauthenticate/", ({ response }) => {
      asked.push("reauth");
      return response(200).json({ access: "fresh" });
    }),
  );
  return asked;
}

beforeEach(() => setAccessToken("stale"));

test("calls refused together share one dialog and are each replayed once with the new token", async () => {
  const asked = backend();
  const user = userEvent.setup();
  renderWithIntl(
    <ReauthProvider hasPassword hasPasskey={false}>
      <Probe />
    </ReauthProvider>,
  );

  await user.click(screen.getByRole("button", { name: "change" }));
  const dialog = await screen.findByRole("dialog", { name: "Confirm it is you" });
  await user.type(within(dialog).getByLabelText("Password"), "pw");
  await user.click(within(dialog).getByRole("button", { name: "Confirm" }));

  expect(await screen.findByText("ok ok")).toBeInTheDocument();
  expect(asked.filter((entry) => entry === "reauth")).toHaveLength(1);
  expect(asked.slice(-2).sort()).toEqual(["codes true", "disable true"]);
  // Focus goes back to the control that started the change.
  await waitFor(() => expect(screen.getByRole("button", { name: "change" })).toHaveFocus());
});

test("Escape closes the dialog and the calls fail with their own error", async () => {
  const asked = backend();
  const user = userEvent.setup();
  renderWithIntl(
    <ReauthProvider hasPassword hasPasskey={false}>
      <Probe />
    </ReauthProvider>,
  );

  await user.click(screen.getByRole("button", { name: "change" }));
  await screen.findByRole("dialog");
  await user.keyboard("{Escape}");

  expect(
    await screen.findByText("reauthentication_required reauthentication_required"),
  ).toBeInTheDocument();
  expect(asked).not.toContain("reauth");
});

test("an error other than reauthentication_required is not retried", async () => {
  server.use(
    http.post("/api/v1/users/me/mfa/recovery-codes/", () => problem(409, "conflict")),
    http.delete("/api/v1/users/me/mfa/totp/", () => problem(404, "not_found")),
  );
  const user = userEvent.setup();
  renderWithIntl(
    <ReauthProvider hasPassword hasPasskey={false}>
      <Probe />
    </ReauthProvider>,
  );

  await user.click(screen.getByRole("button", { name: "change" }));

  expect(await screen.findByText("conflict not_found")).toBeInTheDocument();
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
});

test("an account with a passkey but no password confirms with the passkey", async () => {
  setWebAuthnAvailable(true);
  const asked = backend();
  const options = { challenge: "c3", allowCredentials: [{ id: "cred-1", type: "public-key" }] };
  server.use(
    http.post("/api/v1/auth/reauthenticate/options/", ({ response }) =>
      response(200).json({ challengeId: "ch-3", options }),
    ),
    http.post("/api/v1/auth/reauthenticate/", async ({ request, response }) => {
      asked.push(`reauth ${JSON.stringify(await request.json())}`);
      return response(200).json({ access: "fresh" });
    }),
  );
  jest.mocked(startAuthentication).mockResolvedValue(assertion as never);
  const user = userEvent.setup();
  renderWithIntl(
    <ReauthProvider hasPassword={false} hasPasskey>
      <Probe />
    </ReauthProvider>,
  );

  await user.click(screen.getByRole("button", { name: "change" }));
  const dialog = await screen.findByRole("dialog");
  expect(within(dialog).queryByLabelText("Password")).not.toBeInTheDocument();
  await user.click(within(dialog).getByRole("button", { name: "Confirm with a passkey" }));

  expect(await screen.findByText("ok ok")).toBeInTheDocument();
  expect(startAuthentication).toHaveBeenCalledWith({ optionsJSON: options });
  expect(asked).toContain(
    `reauth ${JSON.stringify({ challengeId: "ch-3", credential: assertion })}`,
  );
  setWebAuthnAvailable(false);
});

test("an account with neither a password nor a passkey is told how to get a password", async () => {
  backend();
  const user = userEvent.setup();
  renderWithIntl(
    <ReauthProvider hasPassword={false} hasPasskey={false}>
      <Probe />
    </ReauthProvider>,
  );

  await user.click(screen.getByRole("button", { name: "change" }));

  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveAccessibleDescription(expect.stringContaining("your account has none yet"));
  expect(within(dialog).queryByLabelText("Password")).not.toBeInTheDocument();
  expect(within(dialog).getByRole("link", { name: "Set a password by email" })).toHaveAttribute(
    "href",
    "/forgot-password",
  );
});
