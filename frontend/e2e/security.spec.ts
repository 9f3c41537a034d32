import { expect, test, type Page } from "@playwright/test";

import { AccountPage } from "./pages/account-page";
import { LoginPage, RegisterPage, SecondFactorStep, VerifyEmailPage } from "./pages/auth-pages";
import { SecuritySections } from "./pages/security-sections";
import { SiteHeader } from "./pages/site-header";
import { expectNoSeriousViolations } from "./axe";
import { linkFromEmail } from "./mailbox";
import { totpCode } from "./totp";
import { t } from "./messages";

/** Every CSP violation the browser reports fails the test (the QR code is a data: image). */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

/**
 * Chromium's virtual authenticator (DevTools protocol): a platform authenticator with
 * discoverable credentials and user verification that always succeeds, so passkeys can be
 * created and used without a person touching a device.
 */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

test("a user turns on two-factor sign-in, uses a code, a recovery code and a passkey, and ends another session", async ({
  page,
  browser,
}) => {
  const cspViolations = collectCspViolations(page);
  const header = new SiteHeader(page);
  const loginPage = new LoginPage(page);
  const secondStep = new SecondFactorStep(page);
  const account = new AccountPage(page);
  const user = {
    firstName: "Sam",
    lastName: "Secure",
    email: `e2e-security-${Date.now()}@example.com`,
    password: "a-long-e2e-password-77",
  };
  const security = new SecuritySections(page, user.password);

  await test.step("register, confirm the email and log in with the password alone", async () => {
    await new RegisterPage(page).register(user);
    await new VerifyEmailPage(page).open(await linkFromEmail(user.email, "/verify-email"));
    await loginPage.login(user.email, user.password);
    await header.expectLoggedInAs(user.firstName);
  });

  let enrolment = { secret: "", lastStep: 0, recoveryCodes: [] as string[] };
  await test.step("turn on TOTP with a code computed from the secret; save the recovery codes", async () => {
    await header.openAccount();
    enrolment = await security.enableTotp();
    const file = await security.downloadRecoveryCodes();
    expect(file.name).toBe("recovery-codes.txt");
    expect(file.text.trim().split("\n")).toEqual(enrolment.recoveryCodes);
    await expectNoSeriousViolations(page);
    await security.finishRecoveryCodes();
  });

  await test.step("log out, log in with the password and a code from the app", async () => {
    await header.logout();
    await loginPage.login(user.email, user.password);
    await secondStep.expectShown();
    await expectNoSeriousViolations(page);
    // The code of the enrolment step is spent (no replay); the app's next code is accepted.
    enrolment.lastStep += 1;
    await secondStep.enterCode(totpCode(enrolment.secret, enrolment.lastStep));
    await header.expectLoggedInAs(user.firstName);
  });

  await test.step("log out, log in with the password and a recovery code", async () => {
    await header.logout();
    await loginPage.login(user.email, user.password);
    await secondStep.enterRecoveryCode(enrolment.recoveryCodes[0]!);
    await header.expectLoggedInAs(user.firstName);
    await account.visit();
    await security.expectRecoveryCodesLeft(9);
  });

  await test.step("register a passkey with the virtual authenticator", async () => {
    await addVirtualAuthenticator(page);
    await security.addPasskey("E2E authenticator");
    await expectNoSeriousViolations(page);
  });

  await test.step("log out and sign in with the passkey alone: no password, no second step", async () => {
    await header.logout();
    await loginPage.signInWithPasskey();
    await header.expectLoggedInAs(user.firstName);
    await expect(page.getByRole("heading", { name: t("auth.secondFactorTitle") })).toHaveCount(0);
  });

  await test.step("a second browser signs in; this one sees both sessions and ends the other", async () => {
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const otherLogin = new LoginPage(otherPage);
    await otherLogin.login(user.email, user.password);
    await new SecondFactorStep(otherPage).enterRecoveryCode(enrolment.recoveryCodes[1]!);
    await new SiteHeader(otherPage).expectLoggedInAs(user.firstName);

    await account.visit();
    await expect(security.sessionRows().filter({ hasText: t("security.thisDevice") })).toHaveCount(
      1,
    );
    await expect.poll(() => security.sessionRows().count()).toBeGreaterThanOrEqual(2);
    await security.endNewestOtherSession();

    // Its refresh is refused from now on: a reload finds no session, and the account page
    // sends it to login.
    await otherPage.goto("/account");
    await otherLogin.expectShown("/account");
    await other.close();
  });

  expect(cspViolations).toEqual([]);
});
