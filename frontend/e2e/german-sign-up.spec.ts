import { expect, test } from "@playwright/test";

import { emailContaining, linkFromEmail } from "./mailbox";

/**
 * Issue 20: a German sign-up gets German emails whose links keep the /de prefix, and the
 * language chosen on the account page is the one later emails follow.
 */
test("a German sign-up is written to in German until the account page switches to English", async ({
  page,
}) => {
  const email = `e2e-de-${Date.now()}@example.com`;
  const password = "ein-langes-e2e-passwort-42";

  await test.step("sign up on /de/register; the verification email is German", async () => {
    await page.goto("/de/register");
    await page.getByLabel("Vorname").fill("Greta");
    await page.getByLabel("Nachname").fill("Grundlich");
    await page.getByLabel("E-Mail").fill(email);
    await page.getByLabel("Passwort").fill(password);
    await page.getByRole("button", { name: "Konto erstellen" }).click();
    await expect(page.getByRole("heading", { name: "Prüfe dein Postfach" })).toBeVisible();

    const mail = await emailContaining(email, "/de/verify-email");
    expect(mail).toContain("Hallo Greta,");
    expect(mail).toContain("um die Registrierung abzuschlie");
    await page.goto(await linkFromEmail(email, "/de/verify-email"));
    await expect(page.getByText("Deine E-Mail-Adresse ist bestätigt.")).toBeVisible();
  });

  await test.step("the account page shows German as the language and switches to English", async () => {
    await page.goto("/de/login");
    await page.getByLabel("E-Mail").fill(email);
    await page.getByLabel("Passwort").fill(password);
    // Exact: "Mit einem Passkey anmelden" is a button of the login page too.
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await expect(page.getByTestId("account-link")).toHaveAccessibleName("Greta");
    await page.goto("/de/account");
    const section = page.getByRole("region", { name: "Sprache" });
    await expect(section.getByLabel("Sprache der E-Mails und dieser Website")).toHaveValue("de");

    await section.getByLabel("Sprache der E-Mails und dieser Website").selectOption("en");
    await section.getByRole("button", { name: "Sprache speichern" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  });

  await test.step("the next email is English, its link without a prefix", async () => {
    const section = page.getByRole("region", { name: "Email address" });
    await section.getByLabel("New email address").fill(`en-${email}`);
    await section.getByLabel("Current password").fill(password);
    await section.getByRole("button", { name: "Change email address" }).click();
    const mail = await emailContaining(email, "A change of your email address was requested");
    expect(mail).toMatch(/https?:\/\/[^/\s]+\/forgot-password\?/);
  });
});
