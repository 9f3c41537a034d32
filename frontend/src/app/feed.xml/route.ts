import { connection } from "next/server";

import { env } from "@/env";
import { readArticles } from "@/features/articles/server";

const FEED_SIZE = 20;

function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * RSS 2.0 of the newest published articles. Rendered per request from the data cache under the
 * `articles` tag, so it changes with every publish, unpublish or edit as the pages do
 * (docs/frontend.md#cached-pages). English: the default locale's URLs have no prefix.
 */
export async function GET(): Promise<Response> {
  // Never prerendered at build time: the backend need not run during `next build`.
  await connection();
  const { results } = await readArticles({ page: 1, pageSize: FEED_SIZE }, "en");
  const items = results
    .map((article) => {
      const link = `${env.siteUrl}/articles/${article.slug}`;
      const date = article.publishedAt ? new Date(article.publishedAt).toUTCString() : "";
      return [
        "<item>",
        `<title>${xml(article.title)}</title>`,
        `<link>${xml(link)}</link>`,
        `<guid isPermaLink="true">${xml(link)}</guid>`,
        `<description>${xml(article.summary)}</description>`,
        date ? `<pubDate>${date}</pubDate>` : "",
        ...article.tags.map((tag) => `<category>${xml(tag.name)}</category>`),
        "</item>",
      ].join("");
    })
    .join("\n");
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Articles</title>
<link>${xml(env.siteUrl)}/</link>
<description>The newest articles</description>
<atom:link href="${xml(env.siteUrl)}/feed.xml" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
  return new Response(body, {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
}
