import { cookies, draftMode } from "next/headers";

import { CACHE_TAGS, cachedRead } from "@/lib/api/cached";
import type { Article, ArticleListQuery } from "@/lib/api/types";

import {
  getArticleBySlug,
  getArticlePreview,
  listArticles,
  listComments,
  listTags,
  movedToSlug,
} from "./api";

/**
 * What the server components read, from Next.js' data cache (src/lib/api/cached.ts). A search
 * is not cached: any text makes a new key, and its results are not worth keeping.
 */
export const readArticles = (query: ArticleListQuery, locale: string) =>
  query.search ? listArticles(query, locale) : cachedListArticles(query, locale);

const cachedListArticles = cachedRead("articles", listArticles, () => [CACHE_TAGS.articles]);

export const readTags = cachedRead("tags", listTags, () => [CACHE_TAGS.tags]);

/**
 * A published article, or where an old address of one leads now: kept in the cache too (under
 * the old slug's tag, which the backend revalidates when that redirect changes), so a crawler
 * going over old links does not reach the backend every time.
 */
export const readArticle = cachedRead(
  "article",
  async (slug: string, locale: string): Promise<ArticleRead> => {
    try {
      return { article: await getArticleBySlug(slug, locale) };
    } catch (error) {
      const movedTo = movedToSlug(error);
      if (movedTo === null) throw error;
      return { movedTo };
    }
  },
  (slug) => [CACHE_TAGS.article(slug)],
);

export type ArticleRead = { article: Article; movedTo?: never } | { movedTo: string };

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
