import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

type Query = { tag?: string; author?: number; search?: string };

function clean(query: Query & { page?: number }) {
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined && value !== "" && value !== 1),
  ) as Record<string, string | number>;
}

/** Previous/next links that keep the current filters; nothing when everything fits on one page. */
export function Pagination({
  page,
  pageCount,
  query,
}: {
  page: number;
  pageCount: number;
  query: Query;
}) {
  const t = useTranslations("home");
  if (pageCount <= 1) return null;
  const link =
    "rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link
          href={{ pathname: "/", query: clean({ ...query, page: page - 1 }) }}
          rel="prev"
          className={link}
        >
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t("pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link
          href={{ pathname: "/", query: clean({ ...query, page: page + 1 }) }}
          rel="next"
          className={link}
        >
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
