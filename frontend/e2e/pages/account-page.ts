import { expect, type Page } from "@playwright/test";
import { startOf, t } from "../messages";

export class AccountPage {
  constructor(private readonly page: Page) {}

  /** A full page load of /account, as from a bookmark. */
  async visit() {
    await this.page.goto("/account");
  }

  async renameTo(firstName: string, lastName: string) {
    const profile = this.page.getByRole("region", { name: t("account.profile") });
    await profile.getByLabel(t("auth.firstName")).fill(firstName);
    await profile.getByLabel(t("auth.lastName")).fill(lastName);
    await profile.getByRole("button", { name: t("account.saveProfile") }).click();
    await expect(profile.getByText(t("account.profileSaved"))).toBeVisible();
  }

  async uploadAvatar(file: { name: string; mimeType: string; buffer: Buffer }) {
    const section = this.page.getByRole("region", { name: t("account.avatar") });
    await section.getByLabel(t("account.chooseAvatar")).setInputFiles(file);
    await expect(section.getByTestId("avatar-image")).toBeVisible({ timeout: 20_000 });
  }

  /**
   * An account without a password confirms its deletion by typing its email address, then
   * answers the dialog; the browser lands on the confirmation page.
   */
  async deleteByTypingEmail(email: string) {
    const section = this.page.getByRole("region", { name: t("account.delete") });
    await section.getByLabel(t("account.confirmWithEmail", { email })).fill(email);
    await section.getByRole("button", { name: t("account.deleteAccount") }).click();
    const dialog = this.page.getByRole("alertdialog", { name: t("account.deleteTitle") });
    await dialog.getByRole("button", { name: t("account.deleteAccount") }).click();
    await expect(this.page).toHaveURL(/\/account-deleted$/);
    await expect(this.page.getByRole("heading", { name: t("account.deletedTitle") })).toBeVisible();
  }

  /** An account with a password confirms its deletion with it, then answers the dialog. */
  async deleteWithPassword(password: string) {
    const section = this.page.getByRole("region", { name: t("account.delete") });
    await section.getByLabel(t("account.confirmWithPassword")).fill(password);
    await section.getByRole("button", { name: t("account.deleteAccount") }).click();
    const dialog = this.page.getByRole("alertdialog", { name: t("account.deleteTitle") });
    await dialog.getByRole("button", { name: t("account.deleteAccount") }).click();
    await expect(this.page).toHaveURL(/\/account-deleted$/);
  }

  /** Asks to move the account to `newEmail`; the links then arrive by email. */
  async requestEmailChange(newEmail: string, password: string) {
    const section = this.page.getByRole("region", { name: t("account.email") });
    await section.getByLabel(t("account.newEmail")).fill(newEmail);
    await section.getByLabel(t("account.currentPassword")).fill(password);
    await section.getByRole("button", { name: t("account.changeEmail") }).click();
    await expect(
      section.getByText(t("account.emailChangeSent", { email: newEmail })),
    ).toBeVisible();
  }

  /** Starts an export and waits until it is ready (tasks run inside the request in this suite). */
  async exportData() {
    const section = this.page.getByRole("region", { name: t("account.export") });
    await section.getByRole("button", { name: t("account.exportStart") }).click();
    await expect(section.getByRole("link", { name: t("account.exportDownload") })).toBeVisible({
      timeout: 20_000,
    });
  }

  /** The past exports, as listed after a page load: the newest one ready, with its size and link. */
  async expectExportInHistory() {
    const history = this.page
      .getByRole("region", { name: t("account.export") })
      .getByTestId("export-history");
    const newest = history.getByRole("listitem").first();
    await expect(newest).toContainText(t("account.exportSucceeded"));
    await expect(newest).toContainText(/\d+([.,]\d)?\s(byte|kB|MB)/i);
    await expect(
      newest.getByRole("link", { name: startOf("account.exportDownloadOf") }),
    ).toHaveAttribute("href", /\.zip/);
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
