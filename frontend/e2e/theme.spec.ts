import { expect, test, type Page } from "@playwright/test";
import { t } from "./messages";

const WHITE = "rgb(255, 255, 255)";

/**
 * What the browser paints before any of the app's JavaScript runs: the bundles are refused, so
 * React never hydrates and only the server's HTML and its inline scripts (the theme script among
 * them) take effect. A theme applied later, by React, would show here as the wrong theme.
 */
async function openWithoutBundles(page: Page, path: string) {
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto(path);
}

async function storeTheme(page: Page, theme: string) {
  await page.addInitScript((value) => localStorage.setItem("theme", value), theme);
}

const bodyBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe("the first paint", () => {
  test("is dark for a stored dark choice on a light operating system", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await storeTheme(page, "dark");
    await openWithoutBundles(page, "/");

    await expect(page.locator("html")).toContainClass("dark");
    expect(await bodyBackground(page)).not.toBe(WHITE);
  });

  test("is light for a stored light choice on a dark operating system", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await storeTheme(page, "light");
    await openWithoutBundles(page, "/articles/demo-1");

    await expect(page.locator("html")).toContainClass("light");
    expect(await bodyBackground(page)).toBe(WHITE);
  });

  test("follows the operating system when nothing is stored", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await openWithoutBundles(page, "/login");

    await expect(page.locator("html")).toContainClass("dark");
    expect(await bodyBackground(page)).not.toBe(WHITE);
  });
});

test("the theme switch is operated with the keyboard and remembered across a reload", async ({
  page,
}) => {
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const themes = page.getByRole("group", { name: t("nav.theme") });
  await expect(themes.getByRole("radio", { name: t("nav.themeName.system") })).toBeChecked();

  await themes.getByRole("radio", { name: t("nav.themeName.system") }).focus();
  await page.keyboard.press("ArrowLeft");

  await expect(themes.getByRole("radio", { name: t("nav.themeName.dark") })).toBeChecked();
  await expect(page.locator("html")).toContainClass("dark");
  await page.reload();
  await expect(page.locator("html")).toContainClass("dark");
  await expect(themes.getByRole("radio", { name: t("nav.themeName.dark") })).toBeChecked();
  // The theme script carries the request's nonce: the policy lets it run.
  expect(cspViolations).toEqual([]);
});
