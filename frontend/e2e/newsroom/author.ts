import { expect, type Page } from "@playwright/test";

import { solidPng } from "../png";
import { ADMIN_URL } from "./admin";
import { backendText } from "../backend-texts";
import { escaped } from "../messages";

/** The seeded author (backend `manage.py seed`): role Authors, staff, no second factor in development. */
export const AUTHOR = { email: "writer@example.com", password: "writer-demo-password" };
export const PASTED_IMAGE_ALT = "A red square on white";

/** Signs the seeded author in through the admin's login form. */
export async function authorSignIn(page: Page): Promise<void> {
  await page.goto(`${ADMIN_URL}/login/`);
  await page.locator("input[name='username']").fill(AUTHOR.email);
  await page.locator("input[name='password']").fill(AUTHOR.password);
  await page.locator("form#login-form [type='submit'], form [type='submit']").first().click();
  await expect(page.getByRole("heading", { name: backendText("My drafts") })).toBeVisible();
}

/**
 * An author's half of the newsroom journey, in the admin (`page` is signed in as an author):
 * writes an article, pastes an image into the Markdown body (a paste event carrying a PNG file,
 * as the clipboard gives it), describes it in the alt text dialog, waits for the upload
 * (browser → S3 → the media library), sees it in the live preview, saves, and submits the
 * article for review. It leaves `page` on the article's change page, the article in review.
 */
export async function authorWritesAndSubmits(
  page: Page,
  article: { title: string; slug: string },
): Promise<void> {
  await page.goto(`${ADMIN_URL}/content/article/add/`);

  await page.locator("#id_title").fill(article.title);
  // Leave the title first: the admin fills the slug from it on change, over a typed slug.
  await page.locator("#id_title").press("Tab");
  await page.locator("#id_slug").fill(article.slug);
  await expect(page.locator("#id_slug")).toHaveValue(article.slug);
  await page.locator("#id_summary").fill("Written in the newsroom, with a picture.");
  const body = page.locator("#id_body");
  await body.fill("## What we saw\n\nA short report with one picture:\n\n");
  await body.press("End");

  // The clipboard's paste, as a browser fires it for a copied image.
  const png = solidPng(48, [220, 40, 40]).toString("base64");
  await body.evaluate((textarea, base64) => {
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const clipboard = new DataTransfer();
    clipboard.items.add(new File([bytes], "pasted.png", { type: "image/png" }));
    textarea.focus();
    textarea.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }),
    );
  }, png);

  const describe = page.getByRole("dialog", { name: backendText("Describe the image") });
  await expect(describe).toBeVisible();
  await describe.getByRole("button", { name: backendText("Insert") }).click();
  await expect(describe.getByRole("alert")).toHaveText(backendText("Alt text is required."));
  await describe
    .getByLabel(backendText("Alt text: what the image shows, for readers who cannot see it"))
    .fill(PASTED_IMAGE_ALT);
  await describe.getByRole("button", { name: backendText("Insert") }).click();
  await expect(describe).toBeHidden();

  await expect(body).toHaveValue(
    new RegExp(`!\\[${PASTED_IMAGE_ALT}\\]\\(/api/v1/images/[0-9a-f-]{36}/\\)`),
    { timeout: 20_000 },
  );
  // The live preview renders it through the site's renderer, loaded from the bucket.
  const preview = page.locator(".markdown-editor-preview img").first();
  await expect(preview).toHaveAttribute("alt", PASTED_IMAGE_ALT);
  await expect
    .poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBe(48);
  await expect(page.locator("[data-editor-status]")).toContainText(
    new RegExp(
      escaped(backendText("%(words)s words · %(minutes)s min read", { minutes: "1" })).replace(
        escaped("%(words)s"),
        "\\d+",
      ),
    ),
  );

  await page.locator("button[name='_continue']").click();
  await expect(page).toHaveURL(/\/admin\/content\/article\/\d+\/change\/$/);
  const id = /\/article\/(\d+)\//.exec(page.url())![1];

  await page.goto(`${ADMIN_URL}/content/article/${id}/workflow/`);
  await page.getByLabel(backendText("Submit for review")).check();
  await page.getByRole("button", { name: backendText("Go") }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/content/article/${id}/change/$`));
  await expect(
    page.getByText(
      backendText("“%(title)s” is now “%(status)s”.", {
        title: article.title,
        status: backendText("In review"),
      }),
    ),
  ).toBeVisible();
}
