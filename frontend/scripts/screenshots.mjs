// Screenshots of the account page in the light and the dark theme for the docs
// (docs/img/account-{light,dark}.png), taken from a running stack with the demo content:
//   make dev                                   # or: make dev API_PORT=8010 WEB_PORT=3010
//   node scripts/screenshots.mjs [http://localhost:3000]
// Logs in as the seeded demo user through the API, as the browser would.
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
} finally {
  await browser.close();
}
