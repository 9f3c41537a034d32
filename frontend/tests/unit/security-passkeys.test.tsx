import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { startRegistration } from "@simplewebauthn/browser";

import { PasskeySettings } from "@/features/security/components/passkey-settings";
import { ReauthProvider } from "@/features/security/reauth";
import { setAccessToken } from "@/lib/api/client";
import type { Passkey } from "@/lib/api/types";

import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";
import { notAllowed, setWebAuthnAvailable } from "./webauthn-stub";

jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);
jest.mock("@simplewebauthn/browser", () => ({ startRegistration: jest.fn() }));

const laptop: Passkey = {
  id: 7,
  name: "Laptop",
  createdAt: "2026-11-01T10:00:00Z",
  lastUsedAt: "2026-12-01T10:00:00Z",
};
const creationOptions = {
  challenge: "c4",
  rp: { id: "localhost", name: "Starter" },
};
const attestation = { id: "new-cred", rawId: "new-cred", type: "public-key", response: {} };

/** The passkeys API; returns what it was asked. */
function backend(list: Passkey[]) {
  const asked: string[] = [];
  server.use(
    http.get("/api/v1/users/me/passkeys/", ({ response }) => response(200).json(list)),
    http.post("/api/v1/users/me/passkeys/options/", ({ response }) => {
      asked.push("options");
      return response(200).json({ challengeId: "ch-4", options: creationOptions });
    }),
    http.post("/api/v1/users/me/passkeys/", async ({ request, response }) => {
      const body = await request.json();
      asked.push(`add ${JSON.stringify(body)}`);
      return response(201).json({
        id: 8,
        name: body.name,
        createdAt: "2026-12-06T05:00:00Z",
        lastUsedAt: null,
      });
    }),
    http.patch("/api/v1/users/me/passkeys/{passkey_id}/", async ({ params, request, response }) => {
      const body = await request.json();
      asked.push(`rename ${params.passkey_id} ${body?.name}`);
      return response(200).json({ ...laptop, name: body?.name ?? laptop.name });
    }),
    http.delete("/api/v1/users/me/passkeys/{passkey_id}/", ({ params, response }) => {
      asked.push(`remove ${params.passkey_id}`);
      return response(204).empty();
    }),
  );
  return asked;
}

function renderPasskeys() {
  renderWithIntl(
    <ReauthProvider hasPassword hasPasskey>
      <PasskeySettings />
    </ReauthProvider>,
  );
}

beforeEach(() => {
  setAccessToken("fresh");
  setWebAuthnAvailable(true);
});

test("lists passkeys with when they were added and last used", async () => {
  backend([laptop, { ...laptop, id: 9, name: "Phone", lastUsedAt: null }]);
  renderPasskeys();

  const list = await screen.findByRole("list", { name: "Your passkeys" });
  const [first, second] = within(list).getAllByRole("listitem");
  expect(first).toHaveTextContent("Laptop added Nov 1, 2026 · last used Dec 1, 2026");
  expect(second).toHaveTextContent("Phone added Nov 1, 2026 · not used yet");
});

test("adds a passkey under its name: the browser creates it from the server's options", async () => {
  const asked = backend([]);
  jest.mocked(startRegistration).mockResolvedValue(attestation as never);
  const user = userEvent.setup();
  renderPasskeys();

  expect(await screen.findByText("You have no passkeys yet.")).toBeInTheDocument();
  await user.type(screen.getByLabelText("Name for a new passkey"), "  Work laptop ");
  await user.click(screen.getByRole("button", { name: "Add a passkey" }));

  expect(await screen.findByRole("status")).toHaveTextContent("Passkey “Work laptop” added.");
  expect(
    within(screen.getByRole("list", { name: "Your passkeys" })).getByText("Work laptop"),
  ).toBeInTheDocument();
  expect(startRegistration).toHaveBeenCalledWith({ optionsJSON: creationOptions });
  expect(asked).toEqual([
    "options",
    `add ${JSON.stringify({ challengeId: "ch-4", credential: attestation, name: "Work laptop" })}`,
  ]);
  expect(screen.getByLabelText("Name for a new passkey")).toHaveValue("");
});

test("a cancelled or refused creation is explained and nothing is sent", async () => {
  const asked = backend([]);
  jest.mocked(startRegistration).mockRejectedValue(notAllowed());
  const user = userEvent.setup();
  renderPasskeys();

  await user.type(await screen.findByLabelText("Name for a new passkey"), "Laptop");
  await user.click(screen.getByRole("button", { name: "Add a passkey" }));

  expect(await screen.findByRole("alert")).toHaveTextContent(
    "The passkey request was cancelled or timed out",
  );
  expect(asked).toEqual(["options"]);
});

test("a name is required", async () => {
  const asked = backend([]);
  const user = userEvent.setup();
  renderPasskeys();

  await user.click(await screen.findByRole("button", { name: "Add a passkey" }));

  expect(screen.getByLabelText("Name for a new passkey")).toHaveAccessibleDescription(
    expect.stringContaining("This field is required."),
  );
  expect(asked).toEqual([]);
});

test("renames a passkey in place; focus returns to its Rename button", async () => {
  const asked = backend([laptop]);
  const user = userEvent.setup();
  renderPasskeys();

  await user.click(await screen.findByRole("button", { name: "Rename Laptop" }));
  const field = screen.getByLabelText("New name");
  await waitFor(() => expect(field).toHaveFocus());
  await user.clear(field);
  await user.type(field, "Old laptop");
  await user.click(screen.getByRole("button", { name: "Save" }));

  const button = await screen.findByRole("button", { name: "Rename Old laptop" });
  await waitFor(() => expect(button).toHaveFocus());
  expect(asked).toEqual(["rename 7 Old laptop"]);
});

test("Escape closes the rename form without saving", async () => {
  const asked = backend([laptop]);
  const user = userEvent.setup();
  renderPasskeys();

  await user.click(await screen.findByRole("button", { name: "Rename Laptop" }));
  await user.keyboard("{Escape}");

  await waitFor(() => expect(screen.getByRole("button", { name: "Rename Laptop" })).toHaveFocus());
  expect(asked).toEqual([]);
});

test("removes a passkey after the confirm dialog", async () => {
  const asked = backend([laptop]);
  const user = userEvent.setup();
  renderPasskeys();

  await user.click(await screen.findByRole("button", { name: "Remove Laptop" }));
  const question = screen.getByRole("alertdialog", { name: "Remove the passkey “Laptop”?" });
  await user.click(within(question).getByRole("button", { name: "Remove" }));

  expect(await screen.findByText("You have no passkeys yet.")).toBeInTheDocument();
  expect(asked).toEqual(["remove 7"]);
});

test("a failed removal is shown and the passkey stays", async () => {
  backend([laptop]);
  server.use(
    http.delete("/api/v1/users/me/passkeys/{passkey_id}/", () => problem(404, "not_found")),
  );
  const user = userEvent.setup();
  renderPasskeys();

  await user.click(await screen.findByRole("button", { name: "Remove Laptop" }));
  await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Remove" }));

  expect(await screen.findByRole("alert")).toHaveTextContent(
    "We could not find what you were looking for.",
  );
  expect(screen.getByText("Laptop")).toBeInTheDocument();
});

test("without WebAuthn the list stays but adding is not offered", async () => {
  setWebAuthnAvailable(false);
  backend([laptop]);
  renderPasskeys();

  expect(await screen.findByText("Laptop")).toBeInTheDocument();
  expect(screen.getByText("This browser cannot create passkeys.")).toBeInTheDocument();
  expect(screen.queryByLabelText("Name for a new passkey")).not.toBeInTheDocument();
});
