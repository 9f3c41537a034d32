import { expect, type Page } from "@playwright/test";
import { t } from "../messages";

/** The header on every page: who is logged in, and the way out. */
export class SiteHeader {
  constructor(private readonly page: Page) {}

  /** The name as read out: the avatar beside it is decorative (its initials are aria-hidden). */
  async expectLoggedInAs(firstName: string) {
    await expect(this.page.getByTestId("account-link")).toHaveAccessibleName(firstName);
  }

  /** The user's own picture in the header, loaded (not a broken image). */
  async expectAvatarShown() {
    const image = this.page.getByTestId("account-link").getByTestId("avatar-thumbnail");
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
  }

  async expectLoggedOut() {
    await expect(
      this.page
        .getByRole("navigation", { name: t("nav.main") })
        .getByRole("link", { name: t("nav.login") }),
    ).toBeVisible();
  }

  async openAccount() {
    await this.page.getByTestId("account-link").click();
    await expect(this.page).toHaveURL(/\/account$/);
    await expect(this.page.getByRole("heading", { name: t("account.title") })).toBeVisible();
  }

  async logout() {
    await this.page.getByRole("button", { name: t("nav.logout") }).click();
    await this.expectLoggedOut();
  }
}
