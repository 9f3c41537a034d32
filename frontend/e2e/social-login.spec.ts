import { expect, test } from "@playwright/test";

import { AccountPage } from "./pages/account-page";
import { SiteHeader } from "./pages/site-header";
import { OAUTH_STUB_EMAIL } from "./settings";

// The backend is configured with a GitHub Enterprise provider pointing at e2e/stub-oauth-provider.mjs,
// which consents at once. The whole redirect chain runs for real: frontend → backend → provider →
// backend callback (state check, pipeline, refresh cookie) → frontend /auth/callback → refresh.
test("a visitor logs in with a social provider, lands where they were going and deletes the password-less account", async ({
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

  // The account has no password: the password section offers the emailed link instead of a
  // change form, and deleting the account asks for the address typed out.
  const password = page.getByRole("region", { name: "Password" });
  await expect(password.getByRole("link", { name: "Set a password by email" })).toBeVisible();
  await expect(password.getByLabel("Current password")).toHaveCount(0);
  // Lands on the confirmation page, not on the login form under /account (issue 20, bug 3).
  await new AccountPage(page).deleteByTypingEmail(OAUTH_STUB_EMAIL);
  await new SiteHeader(page).expectLoggedOut();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
  await new SiteHeader(page).expectLoggedOut();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
});
