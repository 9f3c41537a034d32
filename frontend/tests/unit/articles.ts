import type { Article, ArticleSummary } from "@/lib/api/types";

/** A published article as the list returns it. */
export const helloSummary: ArticleSummary = {
  slug: "hello",
  title: "Hello",
  summary: "First",
  author: { id: 7, name: "Ada Lovelace" },
  tags: [{ slug: "news", name: "News" }],
  coverImage: null,
  commentCount: 0,
  publishedAt: "2026-01-02T10:00:00Z",
};

/** The same article as its detail returns it, with no SEO fields of its own; `changes` win. */
export function articleDetail(changes: Partial<Article> = {}): Article {
  return {
    ...helloSummary,
    bodyHtml: "<p>Long text</p>",
    readingMinutes: 1,
    updatedAt: "2026-01-02T10:00:00Z",
    metaTitle: "",
    metaDescription: "",
    socialImageUrl: null,
    ...changes,
  };
}
