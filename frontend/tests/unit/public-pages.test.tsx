import { delay } from "msw";

import ArticlePage from "@/app/[locale]/(marketing)/articles/[slug]/page";
import HomePage from "@/app/[locale]/(marketing)/page";
import { ArticleFilters } from "@/features/articles/components/article-filters";
import { parseArticleListQuery, SEARCH_MAX_LENGTH } from "@/features/articles/list-query";
import { screen } from "@testing-library/react";

import { articleDetail, helloSummary } from "./articles";
import { renderWithIntl } from "./render";
import { http, problem, server } from "./server";

// The page is called as an async function; its server-only dependencies are stubbed.
jest.mock("@/i18n/page-locale", () => ({ resolveLocale: async () => "en" }));
// Translations show their key and values; no error code has a message of its own.
jest.mock("next-intl/server", () => ({
  getTranslations: async () =>
    Object.assign(
      (key: string, values?: Record<string, unknown>) =>
        values ? `${key} ${JSON.stringify(values)}` : key,
      { has: () => false },
    ),
}));
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);
// Outside Next.js there is no data cache: reads go straight to the (mocked) backend.
jest.mock("next/cache", () => ({ unstable_cache: (read: unknown) => read }));
// Draft mode is off unless a test turns it on, with the preview cookie it would carry.
const draft = { isEnabled: false, token: undefined as string | undefined };
jest.mock("next/headers", () => ({
  draftMode: async () => ({ isEnabled: draft.isEnabled }),
  cookies: async () => ({
    get: (name: string) =>
      name === "article_preview" && draft.token ? { value: draft.token } : undefined,
  }),
}));
afterEach(() => {
  draft.isEnabled = false;
  draft.token = undefined;
});

const params = Promise.resolve({ locale: "en" });

const article = helloSummary;

/**
 * The backend's article list as far as these tests need it: it refuses what the real API
 * refuses (a search over 200 characters or with a NUL, a page past the end), and records the
 * query strings it was asked.
 */
function backend({ count = 1 }: { count?: number } = {}) {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get("/api/v1/articles/", ({ request, response }) => {
      const query = new URL(request.url).searchParams;
      asked.push(query);
      const search = query.get("search") ?? "";
      if (search.length > 200 || search.includes("\0")) {
        return problem(400, "validation_error", {
          errors: [{ field: "search", code: "max_length", message: "too long" }],
        });
      }
      const page = Number(query.get("page") ?? "1");
      if (page > Math.max(1, Math.ceil(count / 10))) {
        return problem(404, "not_found", { detail: "Invalid page." });
      }
      const author = query.get("author");
      const results = author && author !== "7" ? [] : [article].slice(0, count);
      return response(200).json({
        count: results.length ? count : 0,
        next: null,
        previous: null,
        results,
      });
    }),
    http.get("/api/v1/tags/", ({ response }) =>
      response(200).json([{ slug: "news", name: "News" }]),
    ),
  );
  return asked;
}

const render = (searchParams: Record<string, string | string[]>) =>
  HomePage({ params, searchParams: Promise.resolve(searchParams) });

/** What notFound() throws: Next.js renders the not-found page with status 404. */
const NOT_FOUND = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });

describe("the home page with a hostile or stale URL", () => {
  test("a search longer than the API allows is cut to its limit, not refused", async () => {
    const asked = backend();

    await render({ search: "a".repeat(201) });

    expect(asked[0]?.get("search")).toBe("a".repeat(SEARCH_MAX_LENGTH));
  });

  test("control characters are removed from the search", async () => {
    const asked = backend();

    await render({ search: "\u0000" });
    await render({ search: "dja\u0000ngo\u0007" });

    expect(asked.map((query) => query.get("search"))).toEqual([null, "dja ngo"]);
  });

  test.each(["0", "-1", "abc", "2.5", "1e3", "99999999999"])(
    "?page=%s answers 404 without asking the API",
    async (page) => {
      const asked = backend();

      await expect(render({ page })).rejects.toEqual(NOT_FOUND);
      expect(asked).toEqual([]);
    },
  );

  test("a page past the end (the API's 404 'Invalid page') answers 404", async () => {
    backend();

    await expect(render({ page: "99" })).rejects.toEqual(NOT_FOUND);
  });

  test("an unknown tag answers 404", async () => {
    backend();

    await expect(render({ tag: "no-such-tag" })).rejects.toEqual(NOT_FOUND);
  });

  test("an unknown or malformed author answers 404", async () => {
    const asked = backend();

    await expect(render({ author: "12345" })).rejects.toEqual(NOT_FOUND);
    await expect(render({ author: "abc" })).rejects.toEqual(NOT_FOUND);
    expect(asked.map((query) => query.get("author"))).toEqual(["12345"]);
  });

  test("a known author's articles carry the author's name", async () => {
    backend();

    renderWithIntl(await render({ author: "7" }));

    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Ada Lovelace");
  });

  test("any other refusal of the API is a message with a way back, not the error page", async () => {
    server.use(
      http.get("/api/v1/articles/", () =>
        problem(400, "validation_error", { detail: "Select a valid choice." }),
      ),
      http.get("/api/v1/tags/", ({ response }) => response(200).json([])),
    );

    renderWithIntl(await render({ search: "x" }));

    expect(screen.getByRole("alert")).toHaveTextContent("Select a valid choice.");
    expect(screen.getByRole("link", { name: "showAll" })).toHaveAttribute("href", "/");
  });

  test("a rate limit is a message saying how long to wait", async () => {
    server.use(
      http.get("/api/v1/articles/", () => {
        const answer = problem(429, "throttled");
        answer.headers.set("Retry-After", "30");
        return answer;
      }),
      http.get("/api/v1/tags/", ({ response }) => response(200).json([])),
    );

    renderWithIntl(await render({}));

    expect(screen.getByRole("alert")).toHaveTextContent('throttledSeconds {"seconds":30}');
  });

  test("a server error still reaches the error boundary", async () => {
    server.use(
      http.get("/api/v1/articles/", () => problem(503, "service_unavailable")),
      http.get("/api/v1/tags/", ({ response }) => response(200).json([])),
    );

    await expect(render({})).rejects.toMatchObject({ status: 503 });
  });
});

describe("parseArticleListQuery", () => {
  test("takes the first value of a repeated parameter", () => {
    expect(
      parseArticleListQuery({ page: ["2", "x"], tag: ["a", "b"], search: [" q ", ""] }),
    ).toEqual({ page: 2, tag: "a", author: undefined, search: "q" });
  });

  test("leaves out what is empty", () => {
    expect(parseArticleListQuery({ page: "", tag: " ", search: "\u0000 ", author: "" })).toEqual({
      page: 1,
      tag: undefined,
      author: undefined,
      search: undefined,
    });
  });
});

test("the search box takes no more than the API accepts and says so", () => {
  renderWithIntl(<ArticleFilters tags={[]} />);

  const input = screen.getByRole("searchbox", { name: "Search articles" });
  expect(input).toHaveAttribute("maxLength", "200");
  expect(input).toHaveAccessibleDescription("Up to 200 characters.");
});

test("an unknown article answers 404 even when its comments' 404 arrives first", async () => {
  server.use(
    http.get("/api/v1/articles/{slug}/", async () => {
      await delay(50);
      return problem(404, "not_found");
    }),
    http.get("/api/v1/articles/{slug}/comments/", () => problem(404, "not_found")),
  );

  await expect(
    ArticlePage({ params: Promise.resolve({ locale: "en", slug: "no-such-article" }) }),
  ).rejects.toEqual(NOT_FOUND);
});

describe("the article page in draft mode", () => {
  const draftArticle = articleDetail({
    slug: "coming-soon",
    title: "Coming soon",
    bodyHtml: "<p>Draft text</p>",
    publishedAt: null,
  });
  const page = () =>
    ArticlePage({ params: Promise.resolve({ locale: "en", slug: "coming-soon" }) });

  test("shows the draft of a valid token with the preview banner and its exit", async () => {
    const tokens: (string | null)[] = [];
    server.use(
      http.get("/api/v1/articles/{slug}/preview/", ({ request, response }) => {
        tokens.push(request.headers.get("X-Preview-Token"));
        return response(200).json(draftArticle);
      }),
    );
    draft.isEnabled = true;
    draft.token = "signed-token";

    renderWithIntl(await page());

    expect(tokens).toEqual(["signed-token"]);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Coming soon");
    expect(screen.getByRole("status")).toHaveTextContent(
      "Preview This is the unpublished version; readers do not see it.",
    );
    expect(screen.getByRole("link", { name: "Exit preview" })).toHaveAttribute(
      "href",
      "/cms/preview/exit?to=%2Farticles%2Fcoming-soon",
    );
  });

  test("a token the backend refuses shows the page as readers see it: here, not found", async () => {
    server.use(
      http.get("/api/v1/articles/{slug}/preview/", () => problem(403, "preview_token_expired")),
      http.get("/api/v1/articles/{slug}/", () => problem(404, "not_found")),
    );
    draft.isEnabled = true;
    draft.token = "old-token";

    await expect(page()).rejects.toEqual(NOT_FOUND);
  });

  test("without draft mode a draft is never asked for, even with a stale cookie", async () => {
    server.use(http.get("/api/v1/articles/{slug}/", () => problem(404, "not_found")));
    draft.token = "signed-token";

    await expect(page()).rejects.toEqual(NOT_FOUND);
  });
});
