import { useTranslations } from "next-intl";

import { buttonClass } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";
import type { Tag } from "@/lib/api/types";

import { SEARCH_MAX_LENGTH } from "../list-query";

/**
 * Search is a plain GET form and tags are links, so filtering works before (and without)
 * JavaScript and every result page has a shareable URL.
 */
export function ArticleFilters({
  tags,
  activeTag,
  author,
  search,
}: {
  tags: Tag[];
  activeTag?: string;
  author?: number;
  search?: string;
}) {
  const t = useTranslations("home");
  const chip = (active: boolean) =>
    `rounded-full px-3 py-1 text-sm ${active ? "bg-indigo-600 text-white" : "bg-zinc-100 hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700"}`;
  return (
    <div className="space-y-4">
      <form role="search" method="get" className="flex flex-wrap gap-2">
        <label htmlFor="article-search" className="sr-only">
          {t("searchLabel")}
        </label>
        <input
          id="article-search"
          type="search"
          name="search"
          defaultValue={search}
          placeholder={t("searchPlaceholder")}
          maxLength={SEARCH_MAX_LENGTH}
          aria-describedby="article-search-hint"
          className="block min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {activeTag ? <input type="hidden" name="tag" value={activeTag} /> : null}
        {author ? <input type="hidden" name="author" value={author} /> : null}
        <button type="submit" className={buttonClass("primary")}>
          {t("search")}
        </button>
        <p id="article-search-hint" className="w-full text-xs text-zinc-600 dark:text-zinc-400">
          {t("searchHint", { max: SEARCH_MAX_LENGTH })}
        </p>
      </form>
      {tags.length > 0 ? (
        <nav aria-label={t("tagsLabel")}>
          <ul className="flex flex-wrap gap-2">
            <li>
              <Link
                href={{ pathname: "/", query: search ? { search } : {} }}
                className={chip(!activeTag)}
                aria-current={!activeTag ? "page" : undefined}
              >
                {t("allTags")}
              </Link>
            </li>
            {tags.map((tag) => (
              <li key={tag.slug}>
                <Link
                  href={{ pathname: "/", query: { tag: tag.slug, ...(search ? { search } : {}) } }}
                  className={chip(tag.slug === activeTag)}
                  aria-current={tag.slug === activeTag ? "page" : undefined}
                >
                  {tag.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
