import ArticlePage, { generateMetadata } from "@/app/[locale]/(marketing)/articles/[slug]/page";
import { articleMetadata } from "@/features/articles/metadata";

import { articleDetail } from "./articles";
import { http, problem, server } from "./server";

// The page is called as an async function; its server-only dependencies are stubbed.
jest.mock("@/i18n/page-locale", () => ({ resolveLocale: async () => "en" }));
jest.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);
jest.mock("next/cache", () => ({ unstable_cache: (read: unknown) => read }));
jest.mock("next/headers", () => ({
  draftMode: async () => ({ isEnabled: false }),
  cookies: async () => ({ get: () => undefined }),
}));

const article = articleDetail({
  title: "Hello world",
  summary: "The summary",
  coverImage: { url: "https://cdn.example/cover.webp", thumbnailUrl: null },
  updatedAt: "2026-01-03T10:00:00Z",
  bodyHtml: "<p>Body</p>",
});

describe("articleMetadata", () => {
  test("the editor's meta title, description and social image win", () => {
    const metadata = articleMetadata(
      {
        ...article,
        metaTitle: "Hello, search engines",
        metaDescription: "What a search result shows",
        socialImageUrl: "https://cdn.example/social.webp",
      },
      { preview: false },
    );

    expect(metadata.title).toEqual({ absolute: "Hello, search engines" });
    expect(metadata.description).toBe("What a search result shows");
    expect(metadata.openGraph).toMatchObject({
      title: "Hello, search engines",
      description: "What a search result shows",
      url: "/articles/hello",
      images: [{ url: "https://cdn.example/social.webp" }],
    });
    expect(metadata.twitter).toEqual({
      card: "summary_large_image",
      title: "Hello, search engines",
      description: "What a search result shows",
      images: ["https://cdn.example/social.webp"],
    });
    expect(metadata.robots).toBeUndefined();
  });

  test("without them the title, the summary and the cover stand in", () => {
    const metadata = articleMetadata(article, { preview: false });

    expect(metadata.title).toBe("Hello world");
    expect(metadata.description).toBe("The summary");
    expect(metadata.openGraph).toMatchObject({
      title: "Hello world",
      description: "The summary",
      images: [{ url: "https://cdn.example/cover.webp" }],
    });
    expect(metadata.twitter).toMatchObject({
      card: "summary_large_image",
      images: ["https://cdn.example/cover.webp"],
    });
  });

  test("without any picture the small text card, and a preview is not indexed", () => {
    const metadata = articleMetadata({ ...article, coverImage: null }, { preview: true });

    expect(metadata.openGraph).toMatchObject({ images: [] });
    expect(metadata.twitter).toEqual({
      card: "summary",
      title: "Hello world",
      description: "The summary",
      images: [],
    });
    expect(metadata.robots).toEqual({ index: false, follow: false });
  });
});

describe("the article page", () => {
  const params = (slug: string) => ({ params: Promise.resolve({ locale: "en", slug }) });

  test("generateMetadata reads the article's SEO fields from the API", async () => {
    server.use(
      http.get("/api/v1/articles/{slug}/", ({ response }) =>
        response(200).json({ ...article, metaTitle: "From the API" }),
      ),
    );

    const metadata = await generateMetadata(params("hello"));

    expect(metadata.title).toEqual({ absolute: "From the API" });
    expect(metadata.alternates).toEqual({ canonical: "/articles/hello" });
  });

  test("an old address redirects permanently to the article's current one", async () => {
    // The backend's answer to an old slug: 301 with the current one in the problem document.
    const moved = Response.json(
      { ...JSON.parse(await problem(301, "article_moved").text()), slug: "hello" },
      { status: 301, headers: { Location: "/api/v1/articles/hello/" } },
    );
    server.use(http.get("/api/v1/articles/{slug}/", () => moved.clone()));

    await expect(ArticlePage(params("old-hello"))).rejects.toMatchObject({
      permanentRedirect: { href: "/articles/hello", locale: "en" },
    });
    await expect(generateMetadata(params("old-hello"))).rejects.toMatchObject({
      permanentRedirect: { href: "/articles/hello", locale: "en" },
    });
  });
});
