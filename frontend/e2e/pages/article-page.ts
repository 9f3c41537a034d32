import { expect, type Page } from "@playwright/test";
import { t } from "../messages";

export class ArticlePage {
  constructor(private readonly page: Page) {}

  /** Opens the first article on the home page, the way a reader would. */
  async openFirstFromHome() {
    await this.page.goto("/");
    const first = this.page
      .getByRole("list", { name: t("nav.articles") })
      .getByRole("heading")
      .first()
      .getByRole("link");
    const title = (await first.textContent())!.trim();
    await first.click();
    await expect(this.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  }

  async comment(body: string) {
    await this.page.getByLabel(t("comments.bodyLabel")).fill(body);
    await this.page.getByRole("button", { name: t("comments.post") }).click();
    await expect(this.page.getByTestId("comment").filter({ hasText: body })).toBeVisible();
  }

  /** The comment's author picture (their thumbnail, lazily loaded) beside it. */
  async expectAvatarBeside(body: string) {
    const image = this.page
      .getByTestId("comment")
      .filter({ hasText: body })
      .getByTestId("avatar-thumbnail");
    await expect(image).toHaveAttribute("loading", "lazy");
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
  }
}
