import { expect, type Page } from "@playwright/test";

export class AccountPage {
  constructor(private readonly page: Page) {}

  /** A full page load of /account, as from a bookmark. */
  async visit() {
    await this.page.goto("/account");
  }

  async renameTo(firstName: string, lastName: string) {
    const profile = this.page.getByRole("region", { name: "Profile" });
    await profile.getByLabel("First name").fill(firstName);
    await profile.getByLabel("Last name").fill(lastName);
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expect(profile.getByText("Your profile has been saved.")).toBeVisible();
  }

  async uploadAvatar(file: { name: string; mimeType: string; buffer: Buffer }) {
    const section = this.page.getByRole("region", { name: "Profile picture" });
    await section.getByLabel("Upload a picture").setInputFiles(file);
    await expect(section.getByTestId("avatar-image")).toBeVisible({ timeout: 20_000 });
  }

  /**
   * An account without a password confirms its deletion by typing its email address, then
   * answers the dialog; the browser lands on the confirmation page.
   */
  async deleteByTypingEmail(email: string) {
    const section = this.page.getByRole("region", { name: "Delete account" });
    await section.getByLabel(`Type your email address (${email}) to confirm`).fill(email);
    await section.getByRole("button", { name: "Delete my account" }).click();
    const dialog = this.page.getByRole("alertdialog", { name: "Delete your account for good?" });
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await expect(this.page).toHaveURL(/\/account-deleted$/);
    await expect(
      this.page.getByRole("heading", { name: "Your account has been deleted" }),
    ).toBeVisible();
  }

  /** An account with a password confirms its deletion with it, then answers the dialog. */
  async deleteWithPassword(password: string) {
    const section = this.page.getByRole("region", { name: "Delete account" });
    await section.getByLabel("Enter your password to confirm").fill(password);
    await section.getByRole("button", { name: "Delete my account" }).click();
    const dialog = this.page.getByRole("alertdialog", { name: "Delete your account for good?" });
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await expect(this.page).toHaveURL(/\/account-deleted$/);
  }

  /** The avatar <img> actually loaded (not a broken image) from wherever the backend stores it. */
  async expectAvatarLoaded() {
    const image = this.page.getByTestId("avatar-image");
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
  }
}
