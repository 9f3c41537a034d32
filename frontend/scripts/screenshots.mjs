// Screenshots of the account page in the light and the dark theme for the docs
// (docs/img/account-{light,dark}.png), taken from a running stack with the demo content:
//   make dev                                   # or: make dev API_PORT=8010 WEB_PORT=3010
//   node scripts/screenshots.mjs [http://localhost:3000]
// Logs in as the seeded demo user through the API, as the browser would. Then the admin's
// dashboard (docs/img/editors-dashboard-{light,dark}.png) and an article's Markdown editor
// (docs/img/editors-writing-{light,dark}.png) as the seeded editor, through the admin's login
// form, from ADMIN_SITE_URL (default: the same origin; with ADMIN_REQUIRE_2FA off).
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
    await page.locator("canvas.chart").waitFor();
    await page.waitForLoadState("networkidle");
    const file = join(outDir, `editors-dashboard-${theme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
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
    await context.close();
  }
} finally {
  await browser.close();
}
