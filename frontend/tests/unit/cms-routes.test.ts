/**
 * @jest-environment node
 */
import { createHmac } from "node:crypto";

import { http } from "msw";
import { NextRequest } from "next/server";

import { problem, server } from "./server";

// On the server the client calls BACKEND_URL itself: absolute URLs, which the typed `http`
// (paths of the schema) does not take.
const PREVIEW_API = "http://backend.test/api/v1/articles/:slug/preview/";

const revalidateTag = jest.fn();
jest.mock("next/cache", () => ({ revalidateTag: (...args: unknown[]) => revalidateTag(...args) }));

const draft = { enable: jest.fn(), disable: jest.fn() };
const jar = { set: jest.fn(), delete: jest.fn() };
jest.mock("next/headers", () => ({
  draftMode: async () => draft,
  cookies: async () => jar,
}));

const SECRET = "test-secret-of-at-least-32-characters!";
jest.mock("@/env", () => ({
  env: {
    backendUrl: "http://backend.test",
    revalidateSecret: "test-secret-of-at-least-32-characters!",
    isProduction: false,
  },
}));

// After the mocks: the route modules read them when they load.
import { GET as exitPreview } from "@/app/cms/preview/exit/route";
import { GET as startPreview } from "@/app/cms/preview/route";
import { POST as revalidate } from "@/app/cms/revalidate/route";

function signed(body: string, { secret = SECRET, at = Math.floor(Date.now() / 1000) } = {}) {
  const timestamp = String(at);
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return new Request("http://site.test/cms/revalidate", {
    method: "POST",
    body,
    headers: { "X-Revalidate-Timestamp": timestamp, "X-Revalidate-Signature": signature },
  });
}

describe("the revalidation webhook", () => {
  test("revalidates each tag of a correctly signed call", async () => {
    const response = await revalidate(signed(JSON.stringify({ tags: ["article:a", "articles"] })));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ revalidated: ["article:a", "articles"] });
    expect(revalidateTag.mock.calls).toEqual([
      ["article:a", { expire: 0 }],
      ["articles", { expire: 0 }],
    ]);
  });

  test("refuses another secret's signature", async () => {
    const response = await revalidate(signed('{"tags":["articles"]}', { secret: "guessed" }));

    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe("signature_invalid");
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  test("refuses a replay of an old call", async () => {
    const old = Math.floor(Date.now() / 1000) - 10 * 60;

    const response = await revalidate(signed('{"tags":["articles"]}', { at: old }));

    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe("signature_expired");
  });

  test("refuses a body changed after signing", async () => {
    const request = signed('{"tags":["articles"]}');
    const tampered = new Request(request.url, {
      method: "POST",
      headers: request.headers,
      body: '{"tags":["tags"]}',
    });

    expect((await revalidate(tampered)).status).toBe(401);
  });

  test.each(['{"tags":[]}', '{"tags":"articles"}', '{"tags":[1]}', "not json"])(
    "answers 400 to a signed but malformed body %s",
    async (body) => {
      const response = await revalidate(signed(body));

      expect(response.status).toBe(400);
      expect(response.headers.get("Content-Type")).toBe("application/problem+json");
      expect(revalidateTag).not.toHaveBeenCalled();
    },
  );
});

describe("the preview route", () => {
  const start = (query: string) =>
    startPreview(new NextRequest(`http://site.test/cms/preview?${query}`));

  test("a token the backend accepts starts draft mode and opens the article", async () => {
    const tokens: (string | null)[] = [];
    server.use(
      http.get(PREVIEW_API, ({ request }) => {
        tokens.push(request.headers.get("X-Preview-Token"));
        return Response.json({ slug: "soon" });
      }),
    );

    const response = await start("slug=soon&token=good");

    expect(tokens).toEqual(["good"]);
    expect(response.status).toBe(307);
    expect(response.headers.get("Location")).toBe("/articles/soon");
    expect(draft.enable).toHaveBeenCalledTimes(1);
    expect(jar.set).toHaveBeenCalledWith(
      "article_preview",
      "good",
      expect.objectContaining({ httpOnly: true, sameSite: "lax", path: "/" }),
    );
  });

  test.each(["preview_token_expired", "preview_token_invalid", "preview_token_other_article"])(
    "the backend's %s is passed on and draft mode stays off",
    async (code) => {
      server.use(http.get(PREVIEW_API, () => problem(403, code)));

      const response = await start("slug=soon&token=bad");

      expect(response.status).toBe(403);
      expect((await response.json()).code).toBe(code);
      expect(draft.enable).not.toHaveBeenCalled();
      expect(jar.set).not.toHaveBeenCalled();
    },
  );

  test.each(["token=x", "slug=soon", "slug=../admin&token=x"])(
    "an incomplete or odd link (%s) is a 400 without asking the backend",
    async (query) => {
      const response = await start(query);

      expect(response.status).toBe(400);
      expect(draft.enable).not.toHaveBeenCalled();
    },
  );

  test("the exit ends draft mode, drops the token and goes back, on this site only", async () => {
    const back = await exitPreview(
      new NextRequest("http://site.test/cms/preview/exit?to=%2Farticles%2Fsoon"),
    );
    const elsewhere = await exitPreview(
      new NextRequest("http://site.test/cms/preview/exit?to=%2F%2Fevil.example"),
    );

    expect(back.headers.get("Location")).toBe("/articles/soon");
    expect(elsewhere.headers.get("Location")).toBe("/");
    expect(draft.disable).toHaveBeenCalledTimes(2);
    expect(jar.delete).toHaveBeenCalledWith("article_preview");
  });
});
