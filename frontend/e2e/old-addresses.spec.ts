import { expect, test } from "@playwright/test";

import { djangoShell } from "./backend-shell";

const STAMP = Date.now();
const FIRST = `old-address-${STAMP}`;
const SECOND = `new-address-${STAMP}`;
const THIRD = `newest-address-${STAMP}`;
const TITLE = `Before the move ${STAMP}`;
const NEW_TITLE = `After the move ${STAMP}`;

/** Renames the article (slug and title) through the content services, as the admin's save does. */
function rename(from: string, to: string, title: string) {
  djangoShell(`
from apps.content import services
from apps.content.models import Article
article = Article.objects.get(slug="${from}")
article.slug, article.title = "${to}", "${title}"
services.article_save(article=article)`);
}

/**
 * A published article's slug changes: its old address answers with a permanent redirect (308,
 * Next.js' permanent redirect from a page) to the current one, which shows the new title; after
 * a second change the first address leads straight to the newest (chains collapse). The meta
 * title and description are the page's title and description.
 */
test("an old address of a published article redirects permanently to its current one", async ({
  page,
}) => {
  djangoShell(`
from apps.accounts.models import User
from apps.content import services
from apps.content.models import Article
from apps.content.services import workflow
editor, _ = User.objects.get_or_create(email="e2e-editor@example.com", defaults={"is_staff": True, "is_superuser": True})
article = services.article_save(article=Article(
    title="${TITLE}", slug="${FIRST}", summary="The summary", body="Text", author=editor,
    meta_title="Search title ${STAMP}", meta_description="What search results say.",
))
workflow.article_publish(article=article, by=editor)`);

  // Read once, so the site has the page at the first address in its cache.
  await page.goto(`/articles/${FIRST}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page).toHaveTitle(`Search title ${STAMP}`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    "content",
    "What search results say.",
  );

  rename(FIRST, SECOND, NEW_TITLE);

  const moved = await page.request.get(`/articles/${FIRST}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers()["location"]).toMatch(new RegExp(`/articles/${SECOND}$`));
  await page.goto(`/articles/${FIRST}`);
  await expect(page).toHaveURL(new RegExp(`/articles/${SECOND}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEW_TITLE);

  // Another change: both old addresses lead to the newest in one step.
  rename(SECOND, THIRD, NEW_TITLE);
  for (const old of [FIRST, SECOND]) {
    const answer = await page.request.get(`/articles/${old}`, { maxRedirects: 0 });
    expect(answer.status(), old).toBe(308);
    expect(answer.headers()["location"], old).toMatch(new RegExp(`/articles/${THIRD}$`));
  }
});
