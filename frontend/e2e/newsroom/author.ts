import { expect, type Page } from "@playwright/test";

import { ADMIN_URL } from "./admin";

/**
 * The author's part of the newsroom journey, in the admin: writes a new article (a plain text
 * body) and submits it for review. `page` is signed in to the admin as an author; it is left on
 * the article's change page, the article in review.
 */
export async function authorWritesAndSubmits(
  page: Page,
  article: { title: string; slug: string },
): Promise<void> {
  await page.goto(`${ADMIN_URL}/content/article/add/`);
  // The slug first: once typed, the admin's script no longer derives it from the title.
  await page.getByLabel(/^Slug\*?$/).fill(article.slug);
  await page.getByLabel(/^Title\*?$/).fill(article.title);
  await expect(page.getByLabel(/^Slug\*?$/)).toHaveValue(article.slug);
  await page.getByLabel(/^Summary\*?$/).fill("Sleeper services are coming back.");
  await page
    .getByLabel(/^Body\*?$/)
    .fill("Three new routes start this spring.\n\nBook early: the first weeks are nearly full.");
  await page.getByRole("button", { name: "Save and continue editing" }).click();
  await expect(page.getByText(/was added successfully/)).toBeVisible();

  await page.getByRole("link", { name: /Workflow$/ }).click();
  await page.getByLabel("Submit for review", { exact: true }).check();
  await page.getByRole("button", { name: "Go", exact: true }).click();
  await expect(page.getByText(`“${article.title}” is now “In review”.`)).toBeVisible();
}
