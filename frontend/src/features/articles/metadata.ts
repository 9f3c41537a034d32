import type { Metadata } from "next";

import type { Article } from "@/lib/api/types";

/**
 * What search engines and shared links show of an article (docs/editors.md#seo-and-addresses):
 * the editor's meta title, meta description and social image, or else the title, the summary
 * and the cover. A meta title is the whole title of the result (`absolute`: the site's name is
 * not added, the editor's ~60 characters are what shows); the article's own title gets it.
 */
export function articleMetadata(article: Article, { preview }: { preview: boolean }): Metadata {
  const title = article.metaTitle || article.title;
  const description = article.metaDescription || article.summary;
  const image = article.socialImageUrl ?? article.coverImage?.url ?? null;
  const url = `/articles/${article.slug}`;
  return {
    title: article.metaTitle ? { absolute: article.metaTitle } : article.title,
    description,
    alternates: { canonical: url },
    // A draft seen through a preview token is nobody's to index.
    robots: preview ? { index: false, follow: false } : undefined,
    openGraph: {
      type: "article",
      title,
      description,
      url,
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      authors: article.author ? [article.author.name] : [],
      tags: article.tags.map((tag) => tag.name),
      images: image ? [{ url: image }] : [],
    },
    twitter: {
      // The large card when there is a picture to show, the small text card otherwise.
      card: image ? "summary_large_image" : "summary",
      title,
      description,
      images: image ? [image] : [],
    },
  };
}
