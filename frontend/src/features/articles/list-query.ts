import { firstParam } from "@/lib/search-params";

/** The API refuses a longer `search` with 400 (ArticleFilter.search, max_length=200). */
export const SEARCH_MAX_LENGTH = 200;

/** What the home page asks the API for, read from its URL. */
export type ArticleListParams = { page: number; tag?: string; author?: number; search?: string };

type RawQuery = Record<string, string | string[] | undefined>;

// C0 and C1 control characters: `?search=%00` reached the database as a NUL and the API
// refused it; no one searches for them on purpose.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** A page number as people write it ("3"); anything else (0, -1, 2.5, abc, 1e3) names no page. */
function positiveInt(value: string): number | null {
  if (!/^\d{1,9}$/.test(value)) return null;
  const parsed = Number(value);
  return parsed > 0 ? parsed : null;
}

/**
 * Reads the home page's query parameters the way the API will accept them, so a hand-edited
 * or stale link never becomes a 400 from the API and an error page: the first value of a
 * repeated parameter, the search without control characters and cut to the API's limit. A page
 * or author that cannot exist is `null`: the page answers 404 with a link back.
 */
export function parseArticleListQuery(query: RawQuery): ArticleListParams | null {
  const rawPage = firstParam(query.page);
  const rawAuthor = firstParam(query.author);
  const page = rawPage === undefined || rawPage === "" ? 1 : positiveInt(rawPage.trim());
  const author = rawAuthor === undefined || rawAuthor === "" ? undefined : positiveInt(rawAuthor);
  if (page === null || author === null) return null;
  const search = firstParam(query.search)
    ?.replace(CONTROL_CHARACTERS, " ")
    .trim()
    .slice(0, SEARCH_MAX_LENGTH)
    .trim();
  const tag = firstParam(query.tag)?.trim();
  return { page, tag: tag || undefined, author, search: search || undefined };
}
