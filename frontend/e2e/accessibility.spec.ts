import { expect, test } from "@playwright/test";

import { expectNoSeriousViolations } from "./axe";
import { t } from "./messages";

/**
 * axe-core on every page the journeys visit, in the light and the dark theme (the theme follows
 * the emulated operating system: the default choice is "system"). Serious and critical
 * violations fail; e2e/axe.ts lists what they were.
 */
const DEMO = { email: "demo@example.com", password: "demo-demo-password" };

const anonymousPages = [
  "/",
  // [copier] if lang_both
  "/de",
  // [copier] end
  "/?search=no-such-words",
  "/articles/demo-1",
  "/login",
  "/register",
  "/forgot-password",
  "/reset-password?uid=x&token=y",
  "/verify-email?token=not-a-token",
  "/check-email",
  "/account-deleted",
  // The not-found page, reached by an unknown path, article, list page and tag.
  "/no-such-page",
  "/articles/no-such-article",
  "/?page=99",
  "/?tag=no-such-tag",
];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const path of anonymousPages) {
      test(`${path} has no serious accessibility violation`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(page.locator("html")).toContainClass(colorScheme);
        await expectNoSeriousViolations(page);
      });
    }

    test("the account page and a logged-in article have no serious accessibility violation", async ({
      page,
    }) => {
      // Logged in through the API: this checks the pages, the login form is checked above.
      const login = await page.request.post("/api/v1/auth/login/", { data: DEMO });
      expect(login.status()).toBe(200);

      await page.goto("/account");
      await expect(page.getByRole("heading", { name: t("account.title") })).toBeVisible();
      await expect(
        page.getByRole("region", { name: t("account.profile") }).getByLabel(t("auth.firstName")),
      ).toHaveValue("Demi");
      await expect(page.locator("html")).toContainClass(colorScheme);
      await expectNoSeriousViolations(page);

      await page.goto("/articles/demo-1");
      await expect(page.getByRole("button", { name: t("comments.post") })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  });
}
