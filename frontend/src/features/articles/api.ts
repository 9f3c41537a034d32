import { api } from "@/lib/api/client";
import type { Article, ArticlePage, Comment, CommentPage, Tag } from "@/lib/api/types";

export type { Article, ArticleSummary, Comment, Tag } from "@/lib/api/types";

export type ArticleQuery = { page?: number; pageSize?: number; tag?: string; search?: string };

export const ARTICLES_PAGE_SIZE = 10;
export const COMMENTS_PAGE_SIZE = 20;

const lang = (locale: string) => ({ headers: { "Accept-Language": locale } });

export async function listArticles(query: ArticleQuery, locale: string) {
  const params = {
    page: query.page ?? 1,
    pageSize: query.pageSize ?? ARTICLES_PAGE_SIZE,
    ...(query.tag ? { tag: query.tag } : {}),
    ...(query.search ? { search: query.search } : {}),
  };
  return (await api.get<ArticlePage>("/v1/articles/", { params, ...lang(locale) })).data;
}

export async function getArticleBySlug(slug: string, locale: string) {
  return (await api.get<Article>(`/v1/articles/${encodeURIComponent(slug)}/`, lang(locale))).data;
}

export async function listTags(locale: string) {
  return (await api.get<Tag[]>("/v1/tags/", lang(locale))).data;
}

export async function listComments(slug: string, page = 1) {
  const params = { page, pageSize: COMMENTS_PAGE_SIZE };
  return (
    await api.get<CommentPage>(`/v1/articles/${encodeURIComponent(slug)}/comments/`, {
      params,
    })
  ).data;
}

export async function createComment(slug: string, body: string) {
  return (await api.post<Comment>(`/v1/articles/${encodeURIComponent(slug)}/comments/`, { body }))
    .data;
}

export async function updateComment(id: number, body: string) {
  return (await api.patch<Comment>(`/v1/comments/${id}/`, { body })).data;
}

export async function deleteComment(id: number) {
  await api.delete(`/v1/comments/${id}/`);
}
