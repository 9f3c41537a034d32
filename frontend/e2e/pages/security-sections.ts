import { expect, type Locator, type Page } from "@playwright/test";

import { totpCode, totpStep } from "../totp";

/** What enabling TOTP leaves the test: the secret, the last step used, the recovery codes. */
export type TotpEnrolment = { secret: string; lastStep: number; recoveryCodes: string[] };

/** The account page's two-factor, passkey and session sections. */
export class SecuritySections {
  constructor(
    private readonly page: Page,
    private readonly password: string,
  ) {}

  private get twoFactor(): Locator {
    return this.page.getByRole("region", { name: "Two-factor authentication" });
  }

  private get passkeys(): Locator {
    return this.page.getByRole("region", { name: "Passkeys" });
  }

  private get sessions(): Locator {
    return this.page.getByRole("region", { name: "Signed-in devices" });
  }

  /**
   * Answers the re-authentication dialog with the password if it is open or opens before
   * `done` shows. The access token in this run lives 5 s, so a re-authentication can also be
   * asked for again between two steps of one change; either way `done` ends the wait.
   */
  async confirmIdentityUntil(done: Locator) {
    const dialog = this.page.getByRole("dialog", { name: "Confirm it is you" });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(done.or(dialog)).toBeVisible({ timeout: 15_000 });
      if (await done.isVisible()) return;
      await dialog.getByLabel("Password").fill(this.password);
      await dialog.getByRole("button", { name: "Confirm" }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(done).toBeVisible();
  }

  /** Scans nothing: reads the secret shown for manual entry and answers with its current code. */
  async enableTotp(): Promise<TotpEnrolment> {
    await this.twoFactor.getByRole("button", { name: "Set up authenticator app" }).click();
    const secretField = this.twoFactor.getByTestId("totp-secret");
    await this.confirmIdentityUntil(secretField);
    // Drawn, not just present: the API's SVG must be a valid image file.
    const qrCode = this.twoFactor.getByRole("img", {
      name: "QR code to scan with your authenticator app",
    });
    await expect
      .poll(() => qrCode.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const secret = (await secretField.innerText()).replace(/\s+/g, "");
    const step = totpStep();
    await this.twoFactor.getByLabel("Authentication code").fill(totpCode(secret, step));
    await this.twoFactor.getByRole("button", { name: "Turn on" }).click();
    const list = this.twoFactor.getByRole("list", { name: "Recovery codes" });
    await this.confirmIdentityUntil(list);
    const recoveryCodes = (await list.getByRole("listitem").allInnerTexts()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    return { secret, lastStep: step, recoveryCodes };
  }

  /** Downloads the recovery codes file and returns its text. */
  async downloadRecoveryCodes(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent("download");
    await this.twoFactor.getByRole("link", { name: "Download (.txt)" }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
  }

  async finishRecoveryCodes() {
    await this.twoFactor.getByRole("button", { name: "I have saved them" }).click();
    await expect(this.twoFactor.getByText(/Two-factor authentication is on/)).toBeVisible();
  }

  async expectRecoveryCodesLeft(count: number) {
    await expect(
      this.twoFactor.getByText(`You have ${count} recovery codes left.`, { exact: false }),
    ).toBeVisible();
  }

  async addPasskey(name: string) {
    await this.passkeys.getByLabel("Name for a new passkey").fill(name);
    await this.passkeys.getByRole("button", { name: "Add a passkey" }).click();
    await this.confirmIdentityUntil(this.passkeys.getByText(`Passkey “${name}” added.`));
    await expect(
      this.passkeys.getByRole("list", { name: "Your passkeys" }).getByText(name),
    ).toBeVisible();
  }

  /** The rows of the sessions list, this browser's marked "This device". */
  sessionRows(): Locator {
    return this.sessions.getByRole("list", { name: "Sessions" }).getByRole("listitem");
  }

  /** Ends the most recently used session other than this one (the list is newest-used first). */
  async endNewestOtherSession() {
    const other = this.sessionRows().filter({ hasNot: this.page.getByText("This device") });
    await other
      .first()
      .getByRole("button", { name: /^End session on / })
      .click();
    const question = this.page.getByRole("alertdialog", { name: "End this session?" });
    await question.getByRole("button", { name: "End session" }).click();
    await expect(this.sessions.getByText("1 session ended.")).toBeVisible();
  }
}
