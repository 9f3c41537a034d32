import { expect, type Page } from "@playwright/test";
import { t } from "../messages";

export type NewUser = { firstName: string; lastName: string; email: string; password: string };

export class RegisterPage {
  constructor(private readonly page: Page) {}

  async register(user: NewUser) {
    await this.page.goto("/register");
    await this.page.getByLabel(t("auth.firstName")).fill(user.firstName);
    await this.page.getByLabel(t("auth.lastName")).fill(user.lastName);
    await this.page.getByLabel(t("auth.email")).fill(user.email);
    await this.page.getByLabel(t("auth.password")).fill(user.password);
    await this.page.getByRole("button", { name: t("auth.register") }).click();
    await expect(this.page.getByRole("heading", { name: t("auth.checkEmailTitle") })).toBeVisible();
  }
}

export class VerifyEmailPage {
  constructor(private readonly page: Page) {}

  /** Opens the link exactly as it came in the email (no locale prefix). */
  async open(linkPath: string) {
    await this.page.goto(linkPath);
    await expect(this.page.getByText(t("auth.emailVerified"))).toBeVisible();
  }
}

export class LoginPage {
  constructor(private readonly page: Page) {}

  async expectShown(next?: string) {
    await expect(this.page.getByRole("heading", { name: t("nav.login") })).toBeVisible();
    if (next) {
      await expect(this.page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(next)}$`));
    }
  }

  async login(email: string, password: string) {
    await this.page.goto("/login");
    await this.submit(email, password);
  }

  /** Usernameless: the browser's authenticator picks the account. */
  async signInWithPasskey() {
    await this.page.goto("/login");
    await this.page.getByRole("button", { name: t("auth.passkeyLogin") }).click();
  }

  async submit(email: string, password: string) {
    await this.page.getByLabel(t("auth.email")).fill(email);
    await this.page.getByLabel(t("auth.password")).fill(password);
    // Exact: in German "Anmelden" is also the end of the passkey button's name.
    await this.page.getByRole("button", { name: t("nav.login"), exact: true }).click();
  }
}

/** The second step of a login, for an account with a second factor. */
export class SecondFactorStep {
  constructor(private readonly page: Page) {}

  async expectShown() {
    await expect(
      this.page.getByRole("heading", { name: t("auth.secondFactorTitle") }),
    ).toBeVisible();
  }

  async enterCode(code: string) {
    await this.expectShown();
    await this.page.getByLabel(t("auth.totpCode")).fill(code);
    await this.page.getByRole("button", { name: t("auth.verify") }).click();
  }

  async enterRecoveryCode(code: string) {
    await this.expectShown();
    await this.page.getByRole("button", { name: t("auth.useRecoveryCode") }).click();
    await this.page.getByLabel(t("auth.recoveryCode")).fill(code);
    await this.page.getByRole("button", { name: t("auth.verify") }).click();
  }
}
