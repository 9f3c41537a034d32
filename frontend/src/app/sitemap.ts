import type { MetadataRoute } from "next";
import { connection } from "next/server";

import { env } from "@/env";
import { readArticles } from "@/features/articles/server";
import { routing } from "@/i18n/routing";

const PAGE_SIZE = 100;
// The newest 2,000 articles: a sitemap may hold 50,000 URLs, but each page of the list is a
// backend call whenever an article changes. A bigger site splits it (generateSitemaps).
const MAX_PAGES = 20;

function localized(path: string) {
  return Object.fromEntries(
    routing.locales.map((locale) => [
      locale,
      `${env.siteUrl}${locale === routing.defaultLocale ? "" : `/${locale}`}${path}`,
    ]),
  );
}

/**
 * /sitemap.xml: the home page and every published article (the newest 2,000), in each locale.
 * Read from the data cache under the `articles` tag, so it follows publishing at once.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Never prerendered at build time: the backend need not run during `next build`.
  await connection();
  const entries: MetadataRoute.Sitemap = [
    { url: `${env.siteUrl}/`, alternates: { languages: localized("/") } },
  ];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { results, next } = await readArticles({ page, pageSize: PAGE_SIZE }, "en");
    for (const article of results) {
      const path = `/articles/${article.slug}`;
      entries.push({
        url: `${env.siteUrl}${path}`,
        lastModified: article.publishedAt ?? undefined,
        alternates: { languages: localized(path) },
      });
    }
    if (!next) break;
  }
  return entries;
}
