import { expect, type Page } from "@playwright/test";

export type NewUser = { firstName: string; lastName: string; email: string; password: string };

export class RegisterPage {
  constructor(private readonly page: Page) {}

  async register(user: NewUser) {
    await this.page.goto("/register");
    await this.page.getByLabel("First name").fill(user.firstName);
    await this.page.getByLabel("Last name").fill(user.lastName);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
    await expect(this.page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
}

export class VerifyEmailPage {
  constructor(private readonly page: Page) {}

  /** Opens the link exactly as it came in the email (no locale prefix). */
  async open(linkPath: string) {
    await this.page.goto(linkPath);
    await expect(this.page.getByText("Your email address is confirmed.")).toBeVisible();
  }
}

export class LoginPage {
  constructor(private readonly page: Page) {}

  async expectShown(next?: string) {
    await expect(this.page.getByRole("heading", { name: "Log in" })).toBeVisible();
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
    await this.page.getByRole("button", { name: "Sign in with a passkey" }).click();
  }

  async submit(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Log in" }).click();
  }
}

/** The second step of a login, for an account with a second factor. */
export class SecondFactorStep {
  constructor(private readonly page: Page) {}

  async expectShown() {
    await expect(
      this.page.getByRole("heading", { name: "Two-factor authentication" }),
    ).toBeVisible();
  }

  async enterCode(code: string) {
    await this.expectShown();
    await this.page.getByLabel("Authentication code").fill(code);
    await this.page.getByRole("button", { name: "Verify" }).click();
  }

  async enterRecoveryCode(code: string) {
    await this.expectShown();
    await this.page.getByRole("button", { name: "Use a recovery code instead" }).click();
    await this.page.getByLabel("Recovery code").fill(code);
    await this.page.getByRole("button", { name: "Verify" }).click();
  }
}
