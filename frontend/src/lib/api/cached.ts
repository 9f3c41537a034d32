import { unstable_cache } from "next/cache";

import { env } from "@/env";

/**
 * Server-side reads of public content, kept in Next.js' data cache under tags (ISR without
 * prerendered HTML: every page is rendered per request for its CSP nonce, but its content comes
 * from this cache instead of the backend). The backend's revalidation webhook
 * (src/app/cms/revalidate) drops a tag after a change readers see; `revalidateSeconds` is the
 * safety net. The calls themselves stay `apiClient`'s, so there is still one API client; a
 * failure (a 404 included) is not cached. Tag names are the backend's
 * (apps/content/revalidation.py): keep the two in step.
 */
export const CACHE_TAGS = {
  /** Article lists, the feed and the sitemap. */
  articles: "articles",
  /** The tag filter. */
  tags: "tags",
  /** One article's page and its first page of comments. */
  article: (slug: string) => `article:${slug}`,
} as const;

export function cachedRead<Args extends unknown[], Result>(
  name: string,
  read: (...args: Args) => Promise<Result>,
  tags: (...args: Args) => string[],
): (...args: Args) => Promise<Result> {
  return (...args: Args) =>
    unstable_cache(read, [name], { tags: tags(...args), revalidate: env.revalidateSeconds })(
      ...args,
    );
}
