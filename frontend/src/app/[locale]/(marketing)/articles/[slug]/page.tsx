import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";

import { ArticleByline } from "@/features/articles/components/article-byline";
import { Comments } from "@/features/articles/components/comments";
import { PreviewBanner } from "@/features/articles/components/preview-banner";
import { articleMetadata } from "@/features/articles/metadata";
import { readArticle, readArticlePreview, readComments } from "@/features/articles/server";
import { sanitizeArticleHtml } from "@/features/articles/sanitize";
import { Link, permanentRedirect } from "@/i18n/navigation";
import { resolveLocale } from "@/i18n/page-locale";
import type { Locale } from "@/i18n/routing";
import { ApiError } from "@/lib/api/errors";

type Props = { params: Promise<{ locale: string; slug: string }> };

/** An unknown (or unpublished) article is the not-found page, whichever call learns it first. */
function notFoundOn404(error: unknown): never {
  if (error instanceof ApiError && error.status === 404) notFound();
  throw error;
}

/**
 * The article of a valid preview token in draft mode (drafts included, flagged `preview`), else
 * the published one from the data cache. generateMetadata and the page share one read.
 *
 * An old address of an article (its slug changed after it was published) redirects permanently
 * to the current one, which the API names in its 301. Next.js answers a page's permanent
 * redirect with 308 (docs/content.md#old-addresses says why not 301).
 */
const loadArticle = cache(async (slug: string, locale: Locale) => {
  const draft = await readArticlePreview(slug, locale);
  if (draft) return { ...draft, preview: true };
  const read = await readArticle(slug, locale).catch(notFoundOn404);
  if (read.movedTo !== undefined) {
    return permanentRedirect({ href: `/articles/${read.movedTo}`, locale });
  }
  return { ...read.article, preview: false };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [locale, { slug }] = await Promise.all([resolveLocale(params), params]);
  const article = await loadArticle(slug, locale);
  return articleMetadata(article, { preview: article.preview });
}

export default async function ArticlePage({ params }: Props) {
  const [locale, { slug }] = await Promise.all([resolveLocale(params), params]);
  const [article, t] = await Promise.all([loadArticle(slug, locale), getTranslations("article")]);
  // A draft has no comments to read (the API answers 404 for them); a live one's 404 means it
  // was unpublished since its own read, and is the not-found page as well.
  const comments = article.preview
    ? { count: 0, next: null, previous: null, results: [] }
    : await readComments(slug).catch(notFoundOn404);

  return (
    <article className="space-y-8">
      {article.preview ? <PreviewBanner path={`/articles/${article.slug}`} /> : null}
      <header className="space-y-3">
        <Link href="/" className="link text-sm">
          {t("back")}
        </Link>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{article.title}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <ArticleByline article={article} locale={locale} />
          {article.readingMinutes > 0 ? (
            <>
              {" · "}
              {t("readingTime", { minutes: article.readingMinutes })}
            </>
          ) : null}
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
      {article.preview ? null : <Comments slug={article.slug} initial={comments} />}
    </article>
  );
}
