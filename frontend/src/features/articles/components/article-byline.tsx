import { useTranslations } from "next-intl";

import type { ArticleSummary } from "@/lib/api/types";
import { formatDate } from "@/lib/format";

/**
 * "By Ada on 2 Jan 2026". The API allows both parts to be missing: an author whose account was
 * deleted, an article without a publication date.
 */
export function ArticleByline({ article, locale }: { article: ArticleSummary; locale: string }) {
  const t = useTranslations("article");
  const author = article.author?.name ?? t("formerMember");
  return article.publishedAt
    ? t("byline", { author, date: formatDate(article.publishedAt, locale) })
    : t("bylineNoDate", { author });
}
