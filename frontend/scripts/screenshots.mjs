// Screenshots of the account page in the light and the dark theme for the docs
// (docs/img/account-{light,dark}.png), taken from a running stack with the demo content:
//   make dev                                   # or: make dev API_PORT=8010 WEB_PORT=3010
//   node scripts/screenshots.mjs [http://localhost:3000]
// Logs in as the seeded demo user through the API, as the browser would. Then, as the seeded
// editor through the admin's login form, from ADMIN_SITE_URL (default: the same origin; with
// ADMIN_REQUIRE_2FA off), the newsroom of docs/editors.md (docs/img/editors-*-{light,dark}.png):
// the dashboard, an article's Markdown editor (editors-writing-*), an article's form, and the seeded draft saved in two tabs: the conflict screen
// of the second save and the history's diff of the first. That draft's summary and body are
// rewritten on each run (the same text every time; drafts are not on the site).
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "@playwright/test";

const baseURL = (process.argv[2] ?? process.env.SITE_URL ?? "http://localhost:3000").replace(
  /\/$/,
  "",
);
const outDir = join(dirname(fileURLToPath(import.meta.url)), "../../docs/img");
const demo = { email: "demo@example.com", password: "demo-demo-password" };
const editor = { email: "editor@example.com", password: "editor-demo-password" };
const adminURL = (process.env.ADMIN_SITE_URL ?? baseURL).replace(/\/$/, "");
// The seeded draft (manage.py seed: demo-draft) and the two texts the script saves into it.
const draftTitle = "Work in progress: a draft";
const before = {
  Summary: "Night trains across Europe: what changes this spring.",
  Body: "## New routes\n\nThree night trains start in April.\n\n- Berlin to Paris\n- Vienna to Rome",
};
const after = {
  Summary: "Night trains across Europe: four new routes this spring.",
  Body: "## New routes\n\nFour night trains start in March.\n\n- Berlin to Paris\n- Vienna to Rome\n- Zurich to Amsterdam",
};
const ownText = `${before.Body}\n\nTickets go on sale next week.`;

const browser = await chromium.launch({
  executablePath: process.env.E2E_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--hide-scrollbars"],
});
try {
  await mkdir(outDir, { recursive: true });
  for (const theme of ["light", "dark"]) {
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 1280, height: 800 },
      colorScheme: theme,
      locale: "en-US",
    });
    await context.addInitScript((value) => localStorage.setItem("theme", value), theme);
    const page = await context.newPage();
    const login = await page.request.post("/api/v1/auth/login/", { data: demo });
    if (!login.ok())
      throw new Error(`login as ${demo.email}: HTTP ${login.status()} (run make seed)`);
    await page.goto("/account");
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    await page.getByLabel("First name").first().waitFor();
    await page.waitForLoadState("networkidle");
    // The development server's "N" indicator is not part of the page.
    await page.evaluate(() => document.querySelector("nextjs-portal")?.remove());
    const file = join(outDir, `account-${theme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
    await context.close();
  }
  for (const theme of ["light", "dark"]) {
    const { context, page } = await adminSignIn(theme);
    await page.locator("canvas.chart").waitFor();
    await shoot(page, `editors-dashboard-${theme}.png`);

    // The Markdown editor of a seeded article: toolbar, text, live preview, counts.
    await page.goto(`${adminURL}/admin/content/article/?status__exact=published`);
    await page.locator("#result_list tbody a").first().click();
    const writing = page.locator(".markdown-editor");
    await writing.locator(".markdown-editor-preview p").first().waitFor();
    await page.locator("[data-editor-status]").filter({ hasText: "min read" }).waitFor();
    // At the top of the window: the admin's sticky save bar covers the bottom of it.
    await writing.evaluate((element) => element.scrollIntoView({ block: "start" }));
    const writingFile = join(outDir, `editors-writing-${theme}.png`);
    await writing.screenshot({ path: writingFile });
    console.log(`wrote ${writingFile}`);

    const url = await articleChangeUrl(page, "Shipping a Django API to production");
    await page.goto(url);
    await shoot(page, `editors-article-form-${theme}.png`);

    // Two tabs on the draft: the other one saves while this one is open, then this one saves.
    const draftUrl = await articleChangeUrl(page, draftTitle);
    const other = await adminSignIn(theme);
    await articleSave(other.page, draftUrl, before);
    await page.goto(draftUrl);
    await articleSave(other.page, draftUrl, after);
    await other.context.close();
    await page.getByLabel(/^Body\*?$/).fill(ownText);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.locator(".history-conflict").waitFor();
    await shoot(page, `editors-conflict-${theme}.png`);

    await page.goto(draftUrl.replace(/change\/$/, "history/"));
    await page.getByRole("button", { name: "Compare the selected versions" }).click();
    await page.locator(".history-changes").waitFor();
    await shoot(page, `editors-history-diff-${theme}.png`);
    await context.close();
  }
} finally {
  await browser.close();
}

/** A new browser context signed in to the admin as the seeded editor, in `theme`. */
async function adminSignIn(theme) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: theme,
    locale: "en-US",
  });
  // unfold follows the system theme unless one was picked in its switch (its localStorage key).
  await context.addInitScript(
    (value) => localStorage.setItem("adminTheme", JSON.stringify(value)),
    theme,
  );
  const page = await context.newPage();
  await page.goto(`${adminURL}/admin/login/`);
  await page.fill("#id_username", editor.email);
  await page.fill("#id_password", editor.password);
  await page.click("button[type=submit]");
  await page.getByRole("heading", { name: "My drafts" }).waitFor();
  return { context, page };
}

/** The change page of the article titled `title`, found through the list's search. */
async function articleChangeUrl(page, title) {
  await page.goto(`${adminURL}/admin/content/article/?q=${encodeURIComponent(title)}`);
  const link = page.getByRole("link", { name: title, exact: true }).first();
  const url = new URL(await link.getAttribute("href"), adminURL);
  url.search = ""; // the list's filters, which the change page would carry along
  return url.toString();
}

async function articleSave(page, url, fields) {
  await page.goto(url);
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(new RegExp(`^${label}\\*?$`)).fill(value);
  }
  await page.getByRole("button", { name: "Save and continue editing" }).click();
  await page.getByText(/was changed successfully/).waitFor();
}

/**
 * The whole page in one picture. The viewport grows to the page's height rather than
 * `fullPage: true`, which would paint the admin's sticky save bar over the middle of the page.
 */
async function shoot(page, name) {
  await page.waitForLoadState("networkidle");
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  const file = join(outDir, name);
  await page.screenshot({ path: file });
  await page.setViewportSize(viewport);
  console.log(`wrote ${file}`);
}
