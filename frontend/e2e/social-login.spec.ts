import { expect, test } from "@playwright/test";

import { OAUTH_STUB_EMAIL } from "./settings";

// The backend is configured with a GitHub Enterprise provider pointing at e2e/stub-oauth-provider.mjs,
// which consents at once. The whole redirect chain runs for real: frontend → backend → provider →
// backend callback (state check, pipeline, refresh cookie) → frontend /auth/callback → refresh.
test("a visitor logs in with a social provider and lands where they were going", async ({
  page,
}) => {
  await page.goto("/login?next=%2Faccount");

  await page.getByRole("link", { name: "Continue with GitHub Enterprise" }).click();

  await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
  const profile = page.getByRole("region", { name: "Profile" });
  await expect(profile.getByLabel("First name")).toHaveValue("Octo");
  await expect(page.getByText(OAUTH_STUB_EMAIL).first()).toBeVisible();
  const connected = page.getByRole("region", { name: "Connected accounts" });
  await expect(connected.getByText("github-enterprise")).toBeVisible();

  // The session is the same kind as a password login's: it survives a reload.
  await page.reload();
  await expect(profile.getByLabel("First name")).toHaveValue("Octo");
});
