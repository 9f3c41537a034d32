import ArticlePage from "@/app/[locale]/(marketing)/articles/[slug]/page";
import { screen } from "@testing-library/react";

import { articleDetail } from "./articles";
import { renderWithIntl } from "./render";
import { http, server } from "./server";

// The page is called as an async function; its server-only dependencies are stubbed as in
// public-pages.test.tsx. Translations show their key and values.
jest.mock("@/i18n/page-locale", () => ({ resolveLocale: async () => "en" }));
jest.mock("next-intl/server", () => ({
  getTranslations: async () =>
    Object.assign(
      (key: string, values?: Record<string, unknown>) =>
        values ? `${key} ${JSON.stringify(values)}` : key,
      { has: () => false },
    ),
}));
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);
jest.mock("next/cache", () => ({ unstable_cache: (read: unknown) => read }));
jest.mock("next/headers", () => ({
  draftMode: async () => ({ isEnabled: false }),
  cookies: async () => ({ get: () => undefined }),
}));

test("the article page says how long the article takes to read, and nothing for an empty body", async () => {
  const detail = articleDetail({ readingMinutes: 7 });
  const comments = { count: 0, next: null, previous: null, results: [] };
  server.use(
    http.get("/api/v1/articles/{slug}/", ({ response }) => response(200).json(detail)),
    http.get("/api/v1/articles/{slug}/comments/", ({ response }) => response(200).json(comments)),
  );
  const { unmount } = renderWithIntl(
    await ArticlePage({ params: Promise.resolve({ locale: "en", slug: "hello" }) }),
  );
  expect(screen.getByText(/By Ada Lovelace/)).toHaveTextContent('· readingTime {"minutes":7}');
  unmount();

  server.use(
    http.get("/api/v1/articles/{slug}/", ({ response }) =>
      response(200).json({ ...detail, bodyHtml: "", readingMinutes: 0 }),
    ),
  );
  renderWithIntl(await ArticlePage({ params: Promise.resolve({ locale: "en", slug: "hello" }) }));
  expect(screen.getByText(/By Ada Lovelace/)).not.toHaveTextContent("readingTime");
});
