import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";

import { getArticleBySlug, listComments } from "@/features/articles/api";
import { ArticleByline } from "@/features/articles/components/article-byline";
import { Comments } from "@/features/articles/components/comments";
import { sanitizeArticleHtml } from "@/features/articles/sanitize";
import { Link } from "@/i18n/navigation";
import { resolveLocale } from "@/i18n/page-locale";
import { ApiError } from "@/lib/api/errors";

type Props = { params: Promise<{ locale: string; slug: string }> };

/** An unknown (or unpublished) article is the not-found page, whichever call learns it first. */
function notFoundOn404(error: unknown): never {
  if (error instanceof ApiError && error.status === 404) notFound();
  throw error;
}

// generateMetadata and the page both need the article: one backend call per request.
const loadArticle = cache((slug: string, locale: string) =>
  getArticleBySlug(slug, locale).catch(notFoundOn404),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [locale, { slug }] = await Promise.all([resolveLocale(params), params]);
  const article = await loadArticle(slug, locale);
  return {
    title: article.title,
    description: article.summary,
    alternates: { canonical: `/articles/${article.slug}` },
    openGraph: {
      type: "article",
      title: article.title,
      description: article.summary,
      url: `/articles/${article.slug}`,
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      authors: article.author ? [article.author.name] : [],
      tags: article.tags.map((tag) => tag.name),
      images: article.coverImage ? [{ url: article.coverImage.url }] : [],
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const [locale, { slug }] = await Promise.all([resolveLocale(params), params]);
  const [article, comments, t] = await Promise.all([
    loadArticle(slug, locale),
    // Its 404 can arrive before the article's, and would otherwise fail the page with a 500.
    listComments(slug).catch(notFoundOn404),
    getTranslations("article"),
  ]);

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <Link href="/" className="link text-sm">
          {t("back")}
        </Link>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{article.title}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <ArticleByline article={article} locale={locale} />
        </p>
        {article.coverImage ? (
          // Backend/S3 media with unknown dimensions (see article-card.tsx): the box has the
          // Open Graph ratio (1200×630) from the first paint, so the image arriving moves
          // nothing below it; covers of another shape are cropped to it.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={article.coverImage.url}
            alt=""
            width={1200}
            height={630}
            className="aspect-[1200/630] w-full rounded-lg object-cover"
          />
        ) : null}
      </header>
      <div
        className="prose-article"
        // Sanitised on the server just above; see sanitize.ts for what survives.
        dangerouslySetInnerHTML={{ __html: sanitizeArticleHtml(article.bodyHtml) }}
      />
      <Comments slug={article.slug} initial={comments} />
    </article>
  );
}
