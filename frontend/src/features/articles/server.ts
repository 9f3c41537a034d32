import { cookies, draftMode } from "next/headers";

import { CACHE_TAGS, cachedRead } from "@/lib/api/cached";
import type { ArticleListQuery } from "@/lib/api/types";

import { getArticleBySlug, getArticlePreview, listArticles, listComments, listTags } from "./api";

/**
 * What the server components read, from Next.js' data cache (src/lib/api/cached.ts). A search
 * is not cached: any text makes a new key, and its results are not worth keeping.
 */
export const readArticles = (query: ArticleListQuery, locale: string) =>
  query.search ? listArticles(query, locale) : cachedListArticles(query, locale);

const cachedListArticles = cachedRead("articles", listArticles, () => [CACHE_TAGS.articles]);

export const readTags = cachedRead("tags", listTags, () => [CACHE_TAGS.tags]);

export const readArticle = cachedRead("article", getArticleBySlug, (slug) => [
  CACHE_TAGS.article(slug),
]);

export const readComments = cachedRead(
  "comments",
  (slug: string) => listComments(slug),
  (slug) => [CACHE_TAGS.article(slug)],
);

/** The cookie src/app/cms/preview sets next to Next.js' draft-mode cookie. */
export const PREVIEW_COOKIE = "article_preview";

/**
 * In draft mode, the article of the preview token, never cached; else null. A token for
 * another article (the editor browsed on) reads nothing, so that page shows as readers see it.
 */
export async function readArticlePreview(slug: string, locale: string) {
  if (!(await draftMode()).isEnabled) return null;
  const token = (await cookies()).get(PREVIEW_COOKIE)?.value;
  if (!token) return null;
  return getArticlePreview(slug, token, locale).catch(() => null);
}
