import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { recoveryCodesFile } from "@/features/security/components/recovery-codes";
import { qrCodeSource } from "@/features/security/components/totp-setup";
import { TwoFactorSettings } from "@/features/security/components/two-factor-settings";
import { ReauthProvider } from "@/features/security/reauth";
import { setAccessToken } from "@/lib/api/client";
import type { MfaStatus } from "@/lib/api/types";

import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";

jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

const off: MfaStatus = {
  totpEnabled: false,
  recoveryCodesRemaining: 0,
  passkeyCount: 0,
  hasPassword: true,
};
const on: MfaStatus = { ...off, totpEnabled: true, recoveryCodesRemaining: 10 };
const codes = Array.from({ length: 10 }, (_, i) => `code-${i}`);
// An SVG with a script: drawn as an <img>, it can never run.
const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect/></svg>';

test("the QR code is drawn from a data URL of the API's SVG, never inserted as markup", () => {
  const source = qrCodeSource(svg);
  expect(source.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
  expect(decodeURIComponent(source.split(",")[1]!)).toBe(svg);
});

/**
 * The backend of the section: the status (mutable), setup and confirm behind re-authentication
 * (a token "fresh" passes), and the re-authentication itself. Returns what was asked, with the
 * token each request carried.
 */
function backend(initial: MfaStatus) {
  let status = initial;
  const asked: string[] = [];
  const fresh = (request: Request) => request.headers.get("Authorization") === "Bearer fresh";
  server.use(
    http.get("/api/v1/users/me/mfa/", ({ response }) => response(200).json(status)),
    http.post("/api/v1/users/me/mfa/totp/setup/", ({ request, response }) => {
      asked.push(`setup ${request.headers.get("Authorization")}`);
      if (!fresh(request)) return problem(403, "reauthentication_required");
      return response(200).json({
        secret: "JBSWY3DPEHPK3PXP",
        otpauthUri: "otpauth://totp/Starter:ada?secret=JBSWY3DPEHPK3PXP",
        qrCodeSvg: svg,
      });
    }),
    http.post("/api/v1/users/me/mfa/totp/confirm/", async ({ request, response }) => {
      const { code } = await request.json();
      asked.push(`confirm ${code}`);
      if (code !== "123456") return problem(400, "invalid_code", { detail: "Not valid." });
      status = on;
      return response(200).json({ recoveryCodes: codes });
    }),
    http.delete("/api/v1/users/me/mfa/totp/", ({ request, response }) => {
      asked.push("disable");
      if (!fresh(request)) return problem(403, "reauthentication_required");
      status = off;
      return response(204).empty();
    }),
    http.post("/api/v1/users/me/mfa/recovery-codes/", ({ response }) => {
      asked.push("regenerate");
      return response(200).json({ recoveryCodes: codes.map((code) => `new-${code}`) });
    }),
    http.post("/api/v1/auth/reauthenticate/", async ({ request, response }) => {
      const body = await request.json();
      asked.push(`reauth ${body?.password}`);
      return body?.password === "right-password"
        ? response(200).json({ access: "fresh" })
        : problem(400, "invalid_password", { detail: "The password is wrong." });
    }),
  );
  return asked;
}

function renderSettings() {
  return renderWithIntl(
    <ReauthProvider hasPassword hasPasskey={false}>
      <TwoFactorSettings />
    </ReauthProvider>,
  );
}

beforeEach(() => setAccessToken("stale"));

test("setting up asks for the password once, retries with the new token, shows the QR code as an image and turns TOTP on", async () => {
  const asked = backend(off);
  const user = userEvent.setup();
  const { container } = renderSettings();

  await user.click(await screen.findByRole("button", { name: "Set up authenticator app" }));

  const dialog = await screen.findByRole("dialog", { name: "Confirm it is you" });
  const password = within(dialog).getByLabelText("Password");
  await waitFor(() => expect(password).toHaveFocus());
  await user.type(password, "right-password");
  await user.click(within(dialog).getByRole("button", { name: "Confirm" }));

  const heading = await screen.findByRole("heading", { name: "Connect your authenticator app" });
  await waitFor(() => expect(heading).toHaveFocus());
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  const qr = screen.getByRole("img", { name: "QR code to scan with your authenticator app" });
  expect(qr.getAttribute("src")).toBe(
    `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
  );
  // The markup is never part of the page.
  expect(container.querySelector("svg, script")).toBeNull();
  expect(screen.getByTestId("totp-secret")).toHaveTextContent("JBSW Y3DP EHPK 3PXP");

  const code = screen.getByLabelText("Authentication code");
  expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await user.type(code, "123456");
  await user.click(screen.getByRole("button", { name: "Turn on" }));

  const codesHeading = await screen.findByRole("heading", { name: "Save your recovery codes" });
  await waitFor(() => expect(codesHeading).toHaveFocus());
  const list = screen.getByRole("list", { name: "Recovery codes" });
  expect(
    within(list)
      .getAllByRole("listitem")
      .map((item) => item.textContent),
  ).toEqual(codes);
  expect(asked).toEqual([
    "setup Bearer stale",
    "reauth right-password",
    "setup Bearer fresh",
    "confirm 123456",
  ]);
});

test("the recovery codes can be copied and downloaded as a text file, and are gone after 'saved'", async () => {
  backend(off);
  setAccessToken("fresh");
  // user-event puts a clipboard stub in place of the browser's; its readText trips over
  // jest-fixed-jsdom's Blob, so the call itself is checked.
  const user = userEvent.setup();
  const writeText = jest.spyOn(navigator.clipboard, "writeText");
  renderSettings();

  await user.click(await screen.findByRole("button", { name: "Set up authenticator app" }));
  await user.type(await screen.findByLabelText("Authentication code"), "123456");
  await user.click(screen.getByRole("button", { name: "Turn on" }));
  await screen.findByRole("heading", { name: "Save your recovery codes" });

  await user.click(screen.getByRole("button", { name: "Copy" }));
  expect(writeText).toHaveBeenCalledWith(codes.join("\n"));
  expect(await screen.findByRole("status")).toHaveTextContent("The codes are on your clipboard.");

  const download = screen.getByRole("link", { name: "Download (.txt)" });
  expect(download).toHaveAttribute("download", "recovery-codes.txt");
  expect(download).toHaveAttribute("href", recoveryCodesFile(codes));
  expect(decodeURIComponent(download.getAttribute("href")!.split(",")[1]!)).toBe(
    `${codes.join("\n")}\n`,
  );

  await user.click(screen.getByRole("button", { name: "I have saved them" }));
  expect(screen.queryByRole("list", { name: "Recovery codes" })).not.toBeInTheDocument();
  expect(await screen.findByText(/Two-factor authentication is on/)).toHaveFocus();
  expect(screen.getByText(/You have 10 recovery codes left/)).toBeInTheDocument();
});

test("a wrong first code is an error of the code field; TOTP stays off", async () => {
  backend(off);
  setAccessToken("fresh");
  const user = userEvent.setup();
  renderSettings();

  await user.click(await screen.findByRole("button", { name: "Set up authenticator app" }));
  const code = await screen.findByLabelText("Authentication code");
  await user.type(code, "654321");
  await user.click(screen.getByRole("button", { name: "Turn on" }));

  await waitFor(() =>
    expect(code).toHaveAccessibleDescription(expect.stringContaining("That code is not correct.")),
  );
  await waitFor(() => expect(code).toHaveFocus());
  expect(
    screen.queryByRole("heading", { name: "Save your recovery codes" }),
  ).not.toBeInTheDocument();
});

test("a wrong password keeps the dialog open with the error on the field", async () => {
  const asked = backend(off);
  const user = userEvent.setup();
  renderSettings();

  await user.click(await screen.findByRole("button", { name: "Set up authenticator app" }));
  const dialog = await screen.findByRole("dialog");
  const password = within(dialog).getByLabelText("Password");
  await user.type(password, "wrong");
  await user.click(within(dialog).getByRole("button", { name: "Confirm" }));

  await waitFor(() => expect(password).toHaveAccessibleDescription("The password is not correct."));
  expect(screen.getByRole("dialog")).toBeInTheDocument();
  expect(asked).toEqual(["setup Bearer stale", "reauth wrong"]);
});

test("cancelling the re-authentication leaves everything as it was and says why nothing happened", async () => {
  const asked = backend(off);
  const user = userEvent.setup();
  renderSettings();

  await user.click(await screen.findByRole("button", { name: "Set up authenticator app" }));
  const dialog = await screen.findByRole("dialog");
  await user.click(within(dialog).getByRole("button", { name: "Cancel" }));

  expect(await screen.findByRole("alert")).toHaveTextContent(
    "Confirm it is you to make this change.",
  );
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  expect(asked).toEqual(["setup Bearer stale"]);
});

test("turning TOTP off asks in a dialog, then re-authenticates and retries", async () => {
  const asked = backend(on);
  const user = userEvent.setup();
  renderSettings();

  await user.click(
    await screen.findByRole("button", { name: "Turn off two-factor authentication" }),
  );
  const question = screen.getByRole("alertdialog", {
    name: "Turn off two-factor authentication?",
  });
  await user.click(
    within(question).getByRole("button", { name: "Turn off two-factor authentication" }),
  );
  const dialog = await screen.findByRole("dialog", { name: "Confirm it is you" });
  await user.type(within(dialog).getByLabelText("Password"), "right-password");
  await user.click(within(dialog).getByRole("button", { name: "Confirm" }));

  expect(
    await screen.findByRole("button", { name: "Set up authenticator app" }),
  ).toBeInTheDocument();
  expect(asked).toEqual(["disable", "reauth right-password", "disable"]);
});

test("new recovery codes replace the old ones after confirmation and are shown once", async () => {
  const asked = backend(on);
  setAccessToken("fresh");
  const user = userEvent.setup();
  renderSettings();

  await user.click(await screen.findByRole("button", { name: "Generate new recovery codes" }));
  const question = screen.getByRole("alertdialog", { name: "Generate new recovery codes?" });
  expect(question).toHaveAccessibleDescription("Your current recovery codes stop working.");
  await user.click(within(question).getByRole("button", { name: "Generate new recovery codes" }));

  const list = await screen.findByRole("list", { name: "Recovery codes" });
  expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("new-code-0");
  expect(asked).toEqual(["regenerate"]);
});
