import { screen, within } from "@testing-library/react";

import { SecuritySections } from "@/features/security/components/security-sections";

import { renderWithIntl } from "./render";
import { http, server } from "./server";
import { ada } from "./users";

jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);

test("the account page's security part: two-factor, passkeys and devices, each a named region", async () => {
  server.use(
    http.get("/api/v1/users/me/mfa/", ({ response }) =>
      response(200).json({
        totpEnabled: true,
        recoveryCodesRemaining: 3,
        passkeyCount: 0,
        hasPassword: true,
      }),
    ),
    http.get("/api/v1/users/me/passkeys/", ({ response }) => response(200).json([])),
    http.get("/api/v1/users/me/sessions/", ({ response }) => response(200).json([])),
  );
  renderWithIntl(<SecuritySections user={ada} />);

  const twoFactor = screen.getByRole("region", { name: "Two-factor authentication" });
  expect(
    await within(twoFactor).findByText("You have 3 recovery codes left.", { exact: false }),
  ).toBeInTheDocument();
  expect(
    within(twoFactor).getByRole("button", { name: "Turn off two-factor authentication" }),
  ).toBeInTheDocument();
  expect(
    await within(screen.getByRole("region", { name: "Passkeys" })).findByText(
      "You have no passkeys yet.",
    ),
  ).toBeInTheDocument();
  expect(
    await within(screen.getByRole("region", { name: "Signed-in devices" })).findByRole("list", {
      name: "Sessions",
    }),
  ).toBeInTheDocument();
});
