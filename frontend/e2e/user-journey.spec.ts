import { expect, test, type Page } from "@playwright/test";

import { AccountPage } from "./pages/account-page";
import { ArticlePage } from "./pages/article-page";
import { LoginPage, RegisterPage, VerifyEmailPage } from "./pages/auth-pages";
import { SiteHeader } from "./pages/site-header";
import { backendText } from "./backend-texts";
import { emailContaining, linkFromEmail } from "./mailbox";
import { solidPng } from "./png";
import { t } from "./messages";

/** Seconds since the epoch at which a JWT stops being accepted. */
function expiryOf(jwt: string): number {
  const payload = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8"));
  return payload.exp as number;
}

/** Every CSP violation the browser reports fails the test: the policy must fit the app. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

test("a visitor signs up, keeps a session across reloads and token expiry, edits the account, comments and logs out", async ({
  page,
}) => {
  const cspViolations = collectCspViolations(page);
  const header = new SiteHeader(page);
  const loginPage = new LoginPage(page);
  const account = new AccountPage(page);
  const user = {
    firstName: "Erin",
    lastName: "Endtoend",
    email: `e2e-${Date.now()}@example.com`,
    password: "a-long-e2e-password-42",
  };

  await test.step("register and confirm the email from the link in the captured mail", async () => {
    await new RegisterPage(page).register(user);
    const link = await linkFromEmail(user.email, "/verify-email");
    await new VerifyEmailPage(page).open(link);
  });

  await test.step("log in", async () => {
    await loginPage.login(user.email, user.password);
    await header.expectLoggedInAs(user.firstName);
  });

  let accessToken = "";
  await test.step("a reload restores the session from the refresh cookie", async () => {
    const refreshed = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/refresh/"));
    await page.reload();
    const response = await refreshed;
    expect(response.status()).toBe(200);
    accessToken = (await response.json()).access;
    await header.expectLoggedInAs(user.firstName);
  });

  await test.step("an expired access token is replaced silently", async () => {
    // A client-side navigation keeps the token from the reload in memory (a full page load
    // would restore a fresh one).
    await header.openAccount();
    // Wait for the token in memory to pass its own expiry (a 5 s lifetime in this run), read
    // from the token rather than guessed; a second of margin covers clock rounding.
    const expiredAt = expiryOf(accessToken) * 1000 + 1_000;
    await expect.poll(() => Date.now(), { timeout: 15_000 }).toBeGreaterThan(expiredAt);
    const refresh = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/refresh/"));
    await account.renameTo("Erina", "Endtoend");
    expect((await refresh).status()).toBe(200);
    await expect(page).toHaveURL(/\/account$/);
    await header.expectLoggedInAs("Erina");
  });

  await test.step("upload an avatar and see it", async () => {
    await account.uploadAvatar({
      name: "avatar.png",
      mimeType: "image/png",
      buffer: solidPng(96, [79, 70, 229]),
    });
    await account.expectAvatarLoaded();
    await header.expectAvatarShown();
  });

  await test.step("export the data; after a reload the export is in the history", async () => {
    await account.exportData();
    await page.reload();
    await account.expectExportInHistory();
  });

  await test.step("comment on an article", async () => {
    const articlePage = new ArticlePage(page);
    await articlePage.openFirstFromHome();
    const body = `Written by the end-to-end test at ${new Date().toISOString()}`;
    await articlePage.comment(body);
    await articlePage.expectAvatarBeside(body);
  });

  await test.step("change the email address: notice to the old one, link to the new one", async () => {
    const newEmail = `moved-${user.email}`;
    await header.openAccount();
    await account.requestEmailChange(newEmail, user.password);

    // The old address is told, with a way to stop it; following that link offers a reset.
    const notice = await emailContaining(user.email, newEmail);
    expect(notice).toContain(
      backendText(
        "Someone signed in to your account asked to change its email address to %(new_email)s. Nothing changes until the link we sent to that address is followed.",
        { new_email: newEmail },
      ),
    );
    await page.goto(await linkFromEmail(user.email, "/forgot-password"));
    await expect(page.getByRole("heading", { name: t("auth.forgotPasswordTitle") })).toBeVisible();

    // The new address confirms; every session ends and the confirmation page says so.
    await page.goto(await linkFromEmail(newEmail, "/confirm-email-change"));
    await expect(page).toHaveURL(/\/email-changed$/);
    await expect(page.getByRole("heading", { name: t("account.emailChangedTitle") })).toBeVisible();
    await header.expectLoggedOut();

    await loginPage.login(newEmail, user.password);
    await header.expectLoggedInAs("Erina");
  });

  await test.step("log out; the account page then sends visitors to login", async () => {
    await header.logout();
    await account.visit();
    await loginPage.expectShown("/account");
  });

  expect(cspViolations).toEqual([]);
});
