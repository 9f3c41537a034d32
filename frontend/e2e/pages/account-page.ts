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

  /** Asks to move the account to `newEmail`; the links then arrive by email. */
  async requestEmailChange(newEmail: string, password: string) {
    const section = this.page.getByRole("region", { name: "Email address" });
    await section.getByLabel("New email address").fill(newEmail);
    await section.getByLabel("Current password").fill(password);
    await section.getByRole("button", { name: "Change email address" }).click();
    await expect(section.getByText(`Check the inbox of ${newEmail}`)).toBeVisible();
  }

  /** Starts an export and waits until it is ready (tasks run inside the request in this suite). */
  async exportData() {
    const section = this.page.getByRole("region", { name: "Your data" });
    await section.getByRole("button", { name: "Export my data" }).click();
    await expect(section.getByRole("link", { name: "Download your data" })).toBeVisible({
      timeout: 20_000,
    });
  }

  /** The past exports, as listed after a page load: the newest one ready, with its size and link. */
  async expectExportInHistory() {
    const history = this.page
      .getByRole("region", { name: "Your data" })
      .getByTestId("export-history");
    const newest = history.getByRole("listitem").first();
    await expect(newest).toContainText("Ready");
    await expect(newest).toContainText(/\d+(\.\d)? (byte|kB|MB)/);
    await expect(newest.getByRole("link", { name: /^Download the export of / })).toHaveAttribute(
      "href",
      /\.zip/,
    );
  }

  // [copier] if lang_both
  /** Picks the language of emails and of the site; the page then reloads in that language. */
  async chooseLanguage(sectionName: string, label: string, option: string, save: string) {
    const section = this.page.getByRole("region", { name: sectionName });
    await section.getByLabel(label).selectOption({ label: option });
    await section.getByRole("button", { name: save }).click();
  }
  // [copier] end

  /** The avatar <img> actually loaded (not a broken image) from wherever the backend stores it. */
  async expectAvatarLoaded() {
    const image = this.page.getByTestId("avatar-image");
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
  }
}
