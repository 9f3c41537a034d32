import { expect, test, type Page } from "@playwright/test";

import { linkFromEmail } from "./mailbox";
import { AccountPage } from "./pages/account-page";
import { SecondFactorStep } from "./pages/auth-pages";
import { SecuritySections } from "./pages/security-sections";
import { SiteHeader } from "./pages/site-header";
import { OAUTH_STUB_EMAIL } from "./settings";
import { totpCode } from "./totp";
import { t } from "./messages";

/** From the login page through the stub provider, which consents at once, to `/account`. */
async function socialLogin(page: Page) {
  await page.goto("/login?next=%2Faccount");
  await page
    .getByRole("link", { name: t("auth.continueWith", { provider: "GitHub Enterprise" }) })
    .click();
}

// The backend is configured with a GitHub Enterprise provider pointing at e2e/stub-oauth-provider.mjs,
// which consents at once. The whole redirect chain runs for real: frontend → backend → provider →
// backend callback (state check, pipeline, refresh cookie) → frontend /auth/callback → refresh.
test("a visitor logs in with a social provider, lands where they were going and deletes the password-less account", async ({
  page,
}) => {
  await page.goto("/login?next=%2Faccount");

  await page
    .getByRole("link", { name: t("auth.continueWith", { provider: "GitHub Enterprise" }) })
    .click();

  await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
  const profile = page.getByRole("region", { name: t("account.profile") });
  await expect(profile.getByLabel(t("auth.firstName"))).toHaveValue("Octo");
  await expect(page.getByText(OAUTH_STUB_EMAIL).first()).toBeVisible();
  const connected = page.getByRole("region", { name: t("account.connected") });
  await expect(connected.getByText("github-enterprise")).toBeVisible();

  // The session is the same kind as a password login's: it survives a reload.
  await page.reload();
  await expect(profile.getByLabel(t("auth.firstName"))).toHaveValue("Octo");

  // The account has no password: the password section offers the emailed link instead of a
  // change form, and deleting the account asks for the address typed out.
  const password = page.getByRole("region", { name: t("auth.password") });
  await expect(password.getByRole("link", { name: t("account.passwordSetByEmail") })).toBeVisible();
  await expect(password.getByLabel(t("account.currentPassword"))).toHaveCount(0);
  // Lands on the confirmation page, not on the login form under /account (issue 20, bug 3).
  await new AccountPage(page).deleteByTypingEmail(OAUTH_STUB_EMAIL);
  await new SiteHeader(page).expectLoggedOut();
  await page.reload();
  await expect(page.getByRole("heading", { name: t("account.deletedTitle") })).toBeVisible();
  await new SiteHeader(page).expectLoggedOut();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
});

// Runs after the test above has deleted the account: the provider's login creates it again.
test("a social login of an account with two-factor sign-in asks for the code on the callback page", async ({
  page,
}) => {
  const password = "a-long-e2e-password-88";
  const security = new SecuritySections(page, password);

  await test.step("sign up through the provider and set a password by email", async () => {
    await socialLogin(page);
    await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
    await page.goto("/forgot-password");
    await page.getByLabel(t("auth.email")).fill(OAUTH_STUB_EMAIL);
    await page.getByRole("button", { name: t("auth.sendResetLink") }).click();
    await page.goto(await linkFromEmail(OAUTH_STUB_EMAIL, "/reset-password"));
    await page.getByLabel(t("auth.newPassword"), { exact: true }).fill(password);
    await page.getByLabel(t("auth.confirmPassword")).fill(password);
    await page.getByRole("button", { name: t("auth.setNewPassword") }).click();
    await expect(page.getByText(t("auth.passwordReset"))).toBeVisible();
  });

  let secret = "";
  let lastStep = 0;
  await test.step("turn on TOTP, confirming with the new password", async () => {
    await socialLogin(page);
    await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
    ({ secret, lastStep } = await security.enableTotp());
    await security.finishRecoveryCodes();
    await new SiteHeader(page).logout();
  });

  await test.step("the provider's login now ends on the second step, and the code completes it", async () => {
    await socialLogin(page);
    await expect(page).toHaveURL(/\/auth\/callback\?.*mfa=/, { timeout: 30_000 });
    await new SecondFactorStep(page).enterCode(totpCode(secret, lastStep + 1));
    await expect(page).toHaveURL(/\/account$/);
    await new SiteHeader(page).expectLoggedInAs("Octo");
  });

  await test.step("delete the account, so the next run starts without it", async () => {
    await new AccountPage(page).deleteWithPassword(password);
  });
});
