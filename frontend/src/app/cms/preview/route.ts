import { cookies, draftMode } from "next/headers";
import type { NextRequest } from "next/server";

import { env } from "@/env";
import { getArticlePreview } from "@/features/articles/api";
import { PREVIEW_COOKIE } from "@/features/articles/server";
import { toApiError } from "@/lib/api/errors";

import { problemResponse } from "../problem";

/** As long as the backend's longest preview token (PREVIEW_TOKEN_MINUTES); the token expires first anyway. */
const PREVIEW_COOKIE_SECONDS = 60 * 60;
const SLUG = /^[-\w]{1,200}$/;

/**
 * "Preview on site" from the admin lands here with the article's slug and a preview token. The
 * backend checks the token (expired, tampered or for another article: its 403 is passed on);
 * only then does draft mode start, with the token in an httpOnly cookie for the article page,
 * which then reads the draft through it (src/features/articles/server.ts).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const slug = request.nextUrl.searchParams.get("slug") ?? "";
  const token = request.nextUrl.searchParams.get("token") ?? "";
  if (!SLUG.test(slug) || !token) {
    return problemResponse(400, "preview_link_invalid", "This preview link is incomplete.");
  }
  try {
    await getArticlePreview(slug, token, "en");
  } catch (error) {
    const apiError = toApiError(error);
    const status = apiError.status >= 400 && apiError.status < 500 ? apiError.status : 502;
    return problemResponse(status, apiError.code, apiError.detail);
  }
  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_COOKIE, token, {
    httpOnly: true,
    secure: env.isProduction,
    sameSite: "lax",
    path: "/",
    maxAge: PREVIEW_COOKIE_SECONDS,
  });
  // Relative: behind nginx this server does not know the public origin; the locale is picked by
  // src/proxy.ts as for any other visit.
  return new Response(null, {
    status: 307,
    headers: { Location: `/articles/${slug}`, "Cache-Control": "no-store" },
  });
}
