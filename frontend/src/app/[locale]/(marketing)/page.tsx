import { getTranslations } from "next-intl/server";

import { resolveLocale } from "@/i18n/page-locale";
import { ArticleCard } from "@/features/articles/components/article-card";
import { ArticleFilters } from "@/features/articles/components/article-filters";
import { Pagination } from "@/features/articles/components/pagination";
import { ARTICLES_PAGE_SIZE, listArticles, listTags } from "@/features/articles/api";
import { firstParam, type SearchParams } from "@/lib/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: SearchParams;
};

function positiveInt(value: string | undefined): number {
  const parsed = Number.parseInt(value ?? "", 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
}

/** Published articles, rendered on the server (SEO, no client fetch before first paint). */
export default async function HomePage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const page = positiveInt(firstParam(query.page));
  const tag = firstParam(query.tag) || undefined;
  const search = firstParam(query.search)?.trim() || undefined;

  const [articles, tags, t] = await Promise.all([
    listArticles({ page, tag, search }, locale),
    listTags(locale),
    getTranslations("home"),
  ]);
  const pageCount = Math.max(1, Math.ceil(articles.count / ARTICLES_PAGE_SIZE));

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-zinc-600 dark:text-zinc-400">{t("subtitle")}</p>
      </header>
      <ArticleFilters tags={tags} activeTag={tag} search={search} />
      {articles.results.length === 0 ? (
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
      <Pagination page={page} pageCount={pageCount} query={{ tag, search }} />
    </div>
  );
}
