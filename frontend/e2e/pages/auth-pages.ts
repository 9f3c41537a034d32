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

  async submit(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Log in" }).click();
  }
}
