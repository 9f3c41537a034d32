import { expect, test } from "@playwright/test";

import { djangoShell } from "./backend-shell";
import { BACKEND_URL } from "./settings";
import { t } from "./messages";

const STAMP = Date.now();
const SLUG = `preview-e2e-${STAMP}`;
// Unique per run: the home page may list an earlier run's article when the database is reused.
const DRAFT_TITLE = `Draft headline ${STAMP}`;
const FINAL_TITLE = `Final headline ${STAMP}`;

const ARTICLE = `
from apps.content.models import Article
article = Article.objects.get(slug="${SLUG}")
`;

/**
 * An editor's draft on the real site: invisible to readers, shown with a banner through a
 * preview token, then published and edited through the content services; the production
 * server (next start) shows each change without a rebuild, through the revalidation webhook.
 */
test("a draft is previewed on the site, then published and edited without a rebuild", async ({
  page,
  browser,
}) => {
  djangoShell(`
from apps.accounts.models import User
from apps.content import services
from apps.content.models import Article
author = User.objects.filter(is_staff=True).first() or User.objects.first()
services.article_save(article=Article(title="${DRAFT_TITLE}", slug="${SLUG}", summary="Soon", body="**Not yet**", author=author))
`);
  const reader = await browser.newContext();
  const anonymous = await reader.newPage();

  // Readers: no such page, and the home page (now cached under "articles") does not list it.
  const missing = await anonymous.goto(`/articles/${SLUG}`);
  expect(missing?.status()).toBe(404);
  await anonymous.goto("/");
  await expect(anonymous.getByRole("link", { name: DRAFT_TITLE })).toHaveCount(0);

  // The editor's "Preview on site": the admin's redirect, with a fresh token.
  const token = djangoShell(
    `${ARTICLE}from apps.content.preview import preview_token_make\nprint(preview_token_make(article=article))`,
  );
  const direct = await page.request.get(`${BACKEND_URL}/api/v1/articles/${SLUG}/preview/`, {
    headers: { "X-Preview-Token": token },
  });
  expect(direct.status(), `${token}: ${await direct.text()}`).toBe(200);
  await page.goto(`/cms/preview?slug=${SLUG}&token=${encodeURIComponent(token)}`);
  await expect(page).toHaveURL(new RegExp(`/articles/${SLUG}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DRAFT_TITLE);
  await expect(page.getByRole("status").filter({ hasText: t("preview.label") })).toBeVisible();

  // A tampered token starts nothing; a reader still gets 404.
  const tampered = await anonymous.goto(`/cms/preview?slug=${SLUG}&token=${token}x`);
  expect(tampered?.status()).toBe(403);
  expect((await anonymous.goto(`/articles/${SLUG}`))?.status()).toBe(404);

  // Exit: back to the page as readers see it.
  await page.getByRole("link", { name: t("preview.exit") }).click();
  await expect(page.getByRole("heading", { name: t("notFound.title") })).toBeVisible();

  // Publishing revalidates the article and the lists: readers see it at once.
  djangoShell(
    `${ARTICLE}from apps.accounts.models import User
from apps.content.services import workflow
editor, _ = User.objects.get_or_create(email="e2e-editor@example.com", defaults={"is_staff": True, "is_superuser": True})
workflow.article_publish(article=article, by=editor)`,
  );
  expect((await anonymous.goto(`/articles/${SLUG}`))?.status()).toBe(200);
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText(DRAFT_TITLE);
  await expect(anonymous.getByText(t("preview.label"), { exact: true })).toHaveCount(0);
  await anonymous.goto("/");
  await expect(anonymous.getByRole("link", { name: DRAFT_TITLE })).toBeVisible();

  // An edit of the published article shows on the next visit.
  djangoShell(
    `${ARTICLE}from apps.content import services\narticle.title = "${FINAL_TITLE}"\nservices.article_save(article=article)`,
  );
  await anonymous.goto(`/articles/${SLUG}`);
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText(FINAL_TITLE);

  // The feed and the sitemap follow the same tag.
  const feed = await anonymous.request.get("/feed.xml");
  expect(await feed.text()).toContain(`<title>${FINAL_TITLE}</title>`);
  const sitemap = await anonymous.request.get("/sitemap.xml");
  expect(await sitemap.text()).toContain(`/articles/${SLUG}`);
  await reader.close();
});
