import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { resolveLocale } from "@/i18n/page-locale";
import { Link } from "@/i18n/navigation";
import { ArticleCard } from "@/features/articles/components/article-card";
import { ArticleFilters } from "@/features/articles/components/article-filters";
import { Pagination } from "@/features/articles/components/pagination";
import { ARTICLES_PAGE_SIZE } from "@/features/articles/api";
import { readArticles, readTags } from "@/features/articles/server";
import { parseArticleListQuery, type ArticleListParams } from "@/features/articles/list-query";
import { ApiError } from "@/lib/api/errors";
import { errorMessage } from "@/lib/error-message";
import type { SearchParams } from "@/lib/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: SearchParams;
};

/**
 * The list, or the API's refusal of this URL: a 404 ("Invalid page", a page past the end) ends
 * in the not-found page, any other 4xx (a filter it refuses, a 429) in a message on the page.
 * Only 5xx and network failures reach the error boundary.
 */
async function loadArticles(query: ArticleListParams, locale: string) {
  try {
    return { articles: await readArticles(query, locale), error: null };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 0) throw error;
    if (error.status === 404) notFound();
    return { articles: null, error };
  }
}

/** Published articles, rendered on the server (SEO, no client fetch before first paint). */
export default async function HomePage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const query = parseArticleListQuery(await searchParams);
  if (!query) notFound();
  const { page, tag, author, search } = query;

  const [{ articles, error }, tags, t, tErrors] = await Promise.all([
    loadArticles(query, locale),
    readTags(locale),
    getTranslations("home"),
    getTranslations("errors"),
  ]);
  if (tag && !tags.some((known) => known.slug === tag)) notFound();
  // An unknown author id lists nothing; so does a user without published articles: neither
  // has a page of their own.
  if (author && articles?.count === 0 && !tag && !search) notFound();
  const count = articles?.count ?? 0;
  const pageCount = Math.max(1, Math.ceil(count / ARTICLES_PAGE_SIZE));
  const authorName = author ? articles?.results[0]?.author?.name : undefined;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">
          {authorName ? t("byAuthor", { name: authorName }) : t("title")}
        </h1>
        <p className="text-zinc-600 dark:text-zinc-400">{t("subtitle")}</p>
      </header>
      <ArticleFilters tags={tags} activeTag={tag} author={author} search={search} />
      {!articles ? (
        <div className="space-y-4">
          <Alert tone="error">
            {errorMessage(tErrors, error.code, error.detail, error.retryAfter)}
          </Alert>
          <Link href="/" className="link">
            {t("showAll")}
          </Link>
        </div>
      ) : articles.results.length === 0 ? (
        <p role="status" className="py-8 text-center text-zinc-600 dark:text-zinc-400">
          {search || tag ? t("noMatches") : t("empty")}
        </p>
      ) : (
        <ul className="space-y-6" aria-label={t("listLabel")}>
          {articles.results.map((article, index) => (
            <li key={article.slug}>
              <ArticleCard article={article} locale={locale} priority={index === 0} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} query={{ tag, author, search }} />
    </div>
  );
}
