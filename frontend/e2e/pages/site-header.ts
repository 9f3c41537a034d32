import { expect, type Page } from "@playwright/test";

/** The header on every page: who is logged in, and the way out. */
export class SiteHeader {
  constructor(private readonly page: Page) {}

  async expectLoggedInAs(firstName: string) {
    await expect(this.page.getByTestId("account-link")).toHaveText(firstName);
  }

  async expectLoggedOut() {
    await expect(
      this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log in" }),
    ).toBeVisible();
  }

  async openAccount() {
    await this.page.getByTestId("account-link").click();
    await expect(this.page).toHaveURL(/\/account$/);
    await expect(this.page.getByRole("heading", { name: "Your account" })).toBeVisible();
  }

  async logout() {
    await this.page.getByRole("button", { name: "Log out" }).click();
    await this.expectLoggedOut();
  }
}
