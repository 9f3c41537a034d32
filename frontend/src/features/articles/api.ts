import { apiClient } from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";
import type { ArticleListQuery } from "@/lib/api/types";

export const ARTICLES_PAGE_SIZE = 10;
export const COMMENTS_PAGE_SIZE = 20;

const lang = (locale: string) => ({ headers: { "Accept-Language": locale } });

export function listArticles(query: ArticleListQuery, locale: string) {
  return apiClient.GET("/api/v1/articles/", {
    params: { query: { pageSize: ARTICLES_PAGE_SIZE, ...query } },
    ...lang(locale),
  });
}

/**
 * A published article. An old address of one (its slug changed after it was published) rejects
 * with the API's 301 `article_moved`, not followed: `movedToSlug` reads where it leads.
 */
export function getArticleBySlug(slug: string, locale: string) {
  return apiClient.GET("/api/v1/articles/{slug}/", {
    params: { path: { slug } },
    maxRedirects: 0,
    ...lang(locale),
  });
}

/** The current slug of a moved article, from getArticleBySlug's rejection; else null. */
export function movedToSlug(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 301) return null;
  const { slug } = error.extensions;
  return typeof slug === "string" && slug ? slug : null;
}

/** Any article, drafts included, for the holder of its preview token (draft mode; never cached). */
export function getArticlePreview(slug: string, token: string, locale: string) {
  return apiClient.GET("/api/v1/articles/{slug}/preview/", {
    params: { path: { slug }, header: { "X-Preview-Token": token } },
    ...lang(locale),
  });
}

export function listTags(locale: string) {
  return apiClient.GET("/api/v1/tags/", lang(locale));
}

export function listComments(slug: string, page = 1) {
  return apiClient.GET("/api/v1/articles/{slug}/comments/", {
    params: { path: { slug }, query: { page, pageSize: COMMENTS_PAGE_SIZE } },
  });
}

export function createComment(slug: string, body: string) {
  return apiClient.POST("/api/v1/articles/{slug}/comments/", {
    params: { path: { slug } },
    body: { body },
  });
}

export function updateComment(id: number, body: string) {
  return apiClient.PATCH("/api/v1/comments/{comment_id}/", {
    params: { path: { comment_id: id } },
    body: { body },
  });
}

export async function deleteComment(id: number) {
  await apiClient.DELETE("/api/v1/comments/{comment_id}/", {
    params: { path: { comment_id: id } },
  });
}
