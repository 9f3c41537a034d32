import { expect, type Locator, type Page } from "@playwright/test";

import { totpCode, totpStep } from "../totp";
import { startOf, t } from "../messages";

/** What enabling TOTP leaves the test: the secret, the last step used, the recovery codes. */
export type TotpEnrolment = { secret: string; lastStep: number; recoveryCodes: string[] };

/** The account page's two-factor, passkey and session sections. */
export class SecuritySections {
  constructor(
    private readonly page: Page,
    private readonly password: string,
  ) {}

  private get twoFactor(): Locator {
    return this.page.getByRole("region", { name: t("auth.secondFactorTitle") });
  }

  private get passkeys(): Locator {
    return this.page.getByRole("region", { name: t("security.passkeys") });
  }

  private get sessions(): Locator {
    return this.page.getByRole("region", { name: t("security.sessions") });
  }

  /**
   * Answers the re-authentication dialog with the password if it is open or opens before
   * `done` shows. The access token in this run lives 5 s, so a re-authentication can also be
   * asked for again between two steps of one change; either way `done` ends the wait.
   */
  async confirmIdentityUntil(done: Locator) {
    const dialog = this.page.getByRole("dialog", { name: t("security.reauthTitle") });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(done.or(dialog)).toBeVisible({ timeout: 15_000 });
      if (await done.isVisible()) return;
      await dialog.getByLabel(t("auth.password")).fill(this.password);
      await dialog.getByRole("button", { name: t("security.reauthConfirm") }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(done).toBeVisible();
  }

  /** Scans nothing: reads the secret shown for manual entry and answers with its current code. */
  async enableTotp(): Promise<TotpEnrolment> {
    await this.twoFactor.getByRole("button", { name: t("security.enable") }).click();
    const secretField = this.twoFactor.getByTestId("totp-secret");
    await this.confirmIdentityUntil(secretField);
    // Drawn, not just present: the API's SVG must be a valid image file.
    const qrCode = this.twoFactor.getByRole("img", {
      name: t("security.qrCodeAlt"),
    });
    await expect
      .poll(() => qrCode.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const secret = (await secretField.innerText()).replace(/\s+/g, "");
    const step = totpStep();
    await this.twoFactor.getByLabel(t("auth.totpCode")).fill(totpCode(secret, step));
    await this.twoFactor.getByRole("button", { name: t("security.setupConfirm") }).click();
    const list = this.twoFactor.getByRole("list", { name: t("security.recoveryCodesList") });
    await this.confirmIdentityUntil(list);
    const recoveryCodes = (await list.getByRole("listitem").allInnerTexts()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    return { secret, lastStep: step, recoveryCodes };
  }

  /** Downloads the recovery codes file and returns its text. */
  async downloadRecoveryCodes(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent("download");
    await this.twoFactor.getByRole("link", { name: t("security.downloadCodes") }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
  }

  async finishRecoveryCodes() {
    await this.twoFactor.getByRole("button", { name: t("security.codesSaved") }).click();
    await expect(this.twoFactor.getByText(t("security.totpOn"))).toBeVisible();
  }

  async expectRecoveryCodesLeft(count: number) {
    await expect(
      this.twoFactor.getByText(t("security.recoveryCodesLeft", { count })),
    ).toBeVisible();
  }

  async addPasskey(name: string) {
    await this.passkeys.getByLabel(t("security.passkeyName")).fill(name);
    await this.passkeys.getByRole("button", { name: t("security.addPasskey") }).click();
    await this.confirmIdentityUntil(this.passkeys.getByText(t("security.passkeyAdded", { name })));
    await expect(
      this.passkeys.getByRole("list", { name: t("security.passkeysList") }).getByText(name),
    ).toBeVisible();
  }

  /** The rows of the sessions list, this browser's marked "This device". */
  sessionRows(): Locator {
    return this.sessions
      .getByRole("list", { name: t("security.sessionsList") })
      .getByRole("listitem");
  }

  /** Ends the most recently used session other than this one (the list is newest-used first). */
  async endNewestOtherSession() {
    const other = this.sessionRows().filter({
      hasNot: this.page.getByText(t("security.thisDevice")),
    });
    await other
      .first()
      .getByRole("button", { name: startOf("security.endSessionLabel") })
      .click();
    const question = this.page.getByRole("alertdialog", { name: t("security.endSessionTitle") });
    await question.getByRole("button", { name: t("security.endSession") }).click();
    await expect(this.sessions.getByText(t("security.sessionsEnded", { count: 1 }))).toBeVisible();
  }
}
