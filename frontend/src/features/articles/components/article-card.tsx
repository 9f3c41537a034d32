import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";
import type { ArticleSummary } from "@/lib/api/types";

import { ArticleByline } from "./article-byline";

/** `priority`: the first card's image is the largest paint on phones, so it loads eagerly. */
export function ArticleCard({
  article,
  locale,
  priority = false,
}: {
  article: ArticleSummary;
  locale: string;
  priority?: boolean;
}) {
  const t = useTranslations("article");
  return (
    <article className="flex flex-col gap-4 sm:flex-row">
      {article.coverImage ? (
        // Media comes from the backend or S3 with unknown dimensions and ready-made thumbnails,
        // so next/image's optimiser would only add a hop.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={article.coverImage.thumbnailUrl ?? article.coverImage.url}
          alt=""
          loading={priority ? "eager" : "lazy"}
          fetchPriority={priority ? "high" : undefined}
          className="h-32 w-full rounded-md object-cover sm:w-48"
        />
      ) : null}
      <div className="space-y-2">
        <h2 className="text-xl font-semibold">
          <Link href={`/articles/${article.slug}`} className="hover:underline">
            {article.title}
          </Link>
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <ArticleByline article={article} locale={locale} />
          {" · "}
          {t("commentCount", { count: article.commentCount })}
        </p>
        <p>{article.summary}</p>
        {article.tags.length > 0 ? (
          <ul className="flex flex-wrap gap-2" aria-label={t("tags")}>
            {article.tags.map((tag) => (
              <li key={tag.slug}>
                <Link
                  href={{ pathname: "/", query: { tag: tag.slug } }}
                  className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700"
                >
                  {tag.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
}
