import { expect, type Page, test } from "@playwright/test";

import { djangoShell } from "./backend-shell";
import { ADMIN_URL, adminSignIn, articleStatus, newsroomMembersCreate } from "./newsroom/admin";
import { backendText, fieldLabel, fragment, wholeLabel } from "./backend-texts";
import { authorWritesAndSubmits } from "./newsroom/author";
import { escaped, t } from "./messages";

// The newsroom of docs/editors.md, driven through the real admin; the Celery worker and beat that
// e2e/start-backend.mjs starts publish the scheduled article and call the site's revalidation.

/** Beat runs publish-due-articles every minute: a minute ahead goes live within two. */
const SCHEDULE_AHEAD_MS = 60_000;
const BEAT_PUBLISHES_WITHIN_MS = 150_000;
/** The revalidation call goes through the worker too: seconds, but reload until it has run. */
const SITE_FOLLOWS_WITHIN_MS = 30_000;

/** Reloads the reader's page until its headline is `title` (a 404 has another headline). */
async function readerSees(page: Page, slug: string, title: string, timeout: number) {
  await expect
    .poll(
      async () => {
        await page.goto(`/articles/${slug}`);
        return page.getByRole("heading", { level: 1 }).textContent();
      },
      { message: `the site shows “${title}” at /articles/${slug}`, timeout, intervals: [2_000] },
    )
    .toBe(title);
}

test("an author's article is reviewed, previewed, scheduled, published by beat, edited and reverted", async ({
  browser,
}) => {
  test.setTimeout(6 * 60_000);
  const stamp = Date.now();
  const author = {
    email: `author-${stamp}@example.com`,
    firstName: "Ana",
    role: "Authors" as const,
  };
  const editor = {
    email: `editor-${stamp}@example.com`,
    firstName: "Ed",
    role: "Editors" as const,
  };
  newsroomMembersCreate([author, editor]);
  const article = { title: `Night trains return ${stamp}`, slug: `night-trains-${stamp}` };
  const newTitle = `Night trains are back ${stamp}`;

  const authorContext = await browser.newContext();
  const authorPage = await authorContext.newPage();
  await adminSignIn(authorPage, author.email);
  await authorWritesAndSubmits(authorPage, article);
  await authorContext.close();

  // The editor finds it on the dashboard; the link opens its workflow step.
  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await adminSignIn(editorPage, editor.email);
  await editorPage
    .locator('[data-card="awaiting-review"]')
    .getByRole("link", { name: article.title })
    .click();
  await editorPage.getByRole("link", { name: backendText("Back to the article") }).click();

  // "Preview on site" opens the Next.js page in draft mode, in a new tab; readers get 404.
  const previewOpened = editorContext.waitForEvent("page");
  await editorPage.getByRole("link", { name: backendText("Preview on site") }).click();
  const preview = await previewOpened;
  await expect(preview).toHaveURL(new RegExp(`/articles/${article.slug}$`));
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText(article.title);
  await expect(preview.getByRole("status").filter({ hasText: t("preview.label") })).toBeVisible();
  await preview.close();
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  expect((await reader.goto(`/articles/${article.slug}`))?.status()).toBe(404);

  // Scheduled a minute ahead (the admin's times are UTC, as the server's TIME_ZONE).
  await editorPage
    .getByRole("link", { name: new RegExp(`${escaped(backendText("Workflow"))}$`) })
    .click();
  await editorPage.getByLabel(backendText("Schedule"), { exact: true }).check();
  const publishAt = new Date(Date.now() + SCHEDULE_AHEAD_MS).toISOString();
  await editorPage.locator('input[name="publish_at_0"]').fill(publishAt.slice(0, 10));
  await editorPage.locator('input[name="publish_at_1"]').fill(publishAt.slice(11, 19));
  await editorPage.getByRole("button", { name: backendText("Go"), exact: true }).click();
  await expect(
    editorPage.getByText(
      backendText("“%(title)s” is now “%(status)s”.", {
        title: article.title,
        status: backendText("Scheduled"),
      }),
    ),
  ).toBeVisible();

  // Beat's task flips the status; the reader sees the article without a rebuild.
  await expect
    .poll(
      async () => {
        await editorPage.reload();
        return articleStatus(editorPage).first().textContent();
      },
      {
        message: "beat publishes the article",
        timeout: BEAT_PUBLISHES_WITHIN_MS,
        intervals: [5_000],
      },
    )
    .toBe(backendText("Published"));
  await readerSees(reader, article.slug, article.title, SITE_FOLLOWS_WITHIN_MS);

  // The editor changes the title; the site follows.
  await editorPage.getByLabel(wholeLabel(fieldLabel("title"))).fill(newTitle);
  await editorPage.getByRole("button", { name: backendText("Save and continue editing") }).click();
  await expect(
    editorPage.getByText(
      fragment("The {name} “{obj}” was changed successfully. You may edit it again below."),
    ),
  ).toBeVisible();
  await readerSees(reader, article.slug, newTitle, SITE_FOLLOWS_WITHIN_MS);

  // The history has both titles; the newest two versions compare by default.
  await editorPage.locator('a[href$="/history/"]').click();
  await expect(editorPage).toHaveURL(/\/history\/$/);
  await editorPage
    .getByRole("button", { name: backendText("Compare the selected versions") })
    .click();
  const titleChange = editorPage.getByRole("row", { name: new RegExp(`^${fieldLabel("title")}`) });
  await expect(titleChange.locator(".history-removed")).toHaveText(article.title);
  await expect(titleChange.locator(".history-added")).toHaveText(newTitle);

  // Reverting to the version before the edit makes it the newest; the site shows the first title.
  await editorPage.getByRole("link", { name: backendText("Back to the history") }).click();
  const versions = editorPage.locator(".history-versions tbody tr");
  await versions
    .nth(1)
    .getByRole("link", { name: backendText("Revert to this") })
    .click();
  await expect(
    editorPage.getByRole("row", { name: new RegExp(`^${fieldLabel("title")}`) }),
  ).toContainText(article.title);
  await editorPage.getByRole("button", { name: backendText("Revert"), exact: true }).click();
  await expect(
    editorPage.getByText(backendText("Reverted: the old version is now the newest.")),
  ).toBeVisible();
  await expect(versions.first()).toContainText(fragment("Reverted to version %(version)s"));
  await readerSees(reader, article.slug, article.title, SITE_FOLLOWS_WITHIN_MS);

  await readerContext.close();
  await editorContext.close();
});

test("two editors save the same article: the second is shown the first's changes and keeps their text", async ({
  browser,
}) => {
  const stamp = Date.now();
  const first = {
    email: `first-editor-${stamp}@example.com`,
    firstName: "Fay",
    role: "Editors" as const,
  };
  const second = {
    email: `second-editor-${stamp}@example.com`,
    firstName: "Sam",
    role: "Editors" as const,
  };
  newsroomMembersCreate([first, second]);
  const created = djangoShell(`
from apps.accounts.models import User
from apps.content import services
from apps.content.models import Article
article = Article(title="Harbour festival ${stamp}", slug="harbour-festival-${stamp}", summary="Soon", body="Boats at noon.", author=User.objects.get(email="${first.email}"))
services.article_save(article=article)
print(article.pk)
`);
  const articleId = created.split("\n").at(-1);
  const changeUrl = `${ADMIN_URL}/content/article/${articleId}/change/`;

  const pages: Page[] = [];
  for (const editor of [first, second]) {
    const page = await (await browser.newContext()).newPage();
    await adminSignIn(page, editor.email);
    await page.goto(changeUrl);
    pages.push(page);
  }
  const [firstPage, secondPage] = pages as [Page, Page];

  const firstBody = "Boats at noon.\nFireworks at ten.";
  await firstPage.getByLabel(wholeLabel(fieldLabel("body"))).fill(firstBody);
  await firstPage.getByRole("button", { name: backendText("Save"), exact: true }).click();
  await expect(
    firstPage.getByText(fragment("The {name} “{obj}” was changed successfully.")),
  ).toBeVisible();

  const secondTitle = `Harbour festival moves ${stamp}`;
  const secondBody = "Boats at one, an hour later this year.";
  await secondPage.getByLabel(wholeLabel(fieldLabel("title"))).fill(secondTitle);
  await secondPage.getByLabel(wholeLabel(fieldLabel("body"))).fill(secondBody);
  await secondPage.getByRole("button", { name: backendText("Save"), exact: true }).click();
  await expect(
    secondPage.getByText(
      backendText(
        "Someone else saved this article while you were editing it. Their changes are below; your text is still in the form. Merge what you need and save again: that save replaces their version.",
      ),
    ),
  ).toBeVisible();
  const theirChange = secondPage
    .locator(".history-conflict")
    .getByRole("row", { name: new RegExp(`^${fieldLabel("body")}`) });
  await expect(theirChange.locator(".history-line-added")).toHaveText("+ Fireworks at ten.");
  await expect(secondPage.getByLabel(wholeLabel(fieldLabel("title")))).toHaveValue(secondTitle);
  await expect(secondPage.getByLabel(wholeLabel(fieldLabel("body")))).toHaveValue(secondBody);

  // Saving again, with the other's changes in view, is deliberate and goes through.
  await secondPage.getByRole("button", { name: backendText("Save"), exact: true }).click();
  await expect(
    secondPage.getByText(fragment("The {name} “{obj}” was changed successfully.")),
  ).toBeVisible();
  await secondPage.goto(changeUrl);
  await expect(secondPage.getByLabel(wholeLabel(fieldLabel("title")))).toHaveValue(secondTitle);

  for (const page of pages) await page.context().close();
});
