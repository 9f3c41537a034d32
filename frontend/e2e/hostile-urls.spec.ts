import { expect, test } from "@playwright/test";
import { t } from "./messages";

// Links people hand-edit, bookmark or paste half-way, and what a crawler tries: none may answer
// 5xx or show the error boundary; each page offers a way on (the list, or a link back to it).
const list = { status: 200, way: "the article list" } as const;
const notFound = { status: 404, way: "a link back to the articles" } as const;

const urls: [string, typeof list | typeof notFound][] = [
  [`/?search=${"a".repeat(201)}`, list],
  ["/?search=%00", list],
  ["/?search=dja%00ngo%07", list],
  ["/?page=0", notFound],
  ["/?page=-1", notFound],
  ["/?page=99", notFound],
  ["/?page=abc", notFound],
  ["/?tag=no-such-tag", notFound],
  ["/?author=999999", notFound],
  ["/?author=abc", notFound],
  ["/?page=1&page=99", list],
  ["/?search=demo&search=%00", list],
  // [copier] if lang_both
  ["/de?page=99", notFound],
  // [copier] end
  ["/articles/no-such-article", notFound],
];

for (const [url, expected] of urls) {
  test(`${url} answers ${expected.status} with ${expected.way}`, async ({ page }) => {
    const response = await page.goto(url);

    expect(response?.status()).toBe(expected.status);
    await expect(page.getByRole("heading", { name: t("errorPage.title") })).toHaveCount(0);
    if (expected === list) {
      await expect(page.getByRole("searchbox")).toBeVisible();
    } else {
      const back = page.getByRole("main").getByRole("link");
      await back.click();
      await expect(page.getByRole("searchbox")).toBeVisible();
    }
  });
}

test("the search box stops at the API's limit and the search runs", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: t("home.searchLabel") });

  await search.pressSequentially("a".repeat(201));
  await expect(search).toHaveValue("a".repeat(200));
  await page.getByRole("button", { name: t("home.search") }).click();

  await expect(page).toHaveURL(/search=a{200}$/);
  await expect(page.getByRole("status")).toHaveText(t("home.noMatches"));
});
