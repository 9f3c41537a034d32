import { cookies, draftMode } from "next/headers";
import type { NextRequest } from "next/server";

import { PREVIEW_COOKIE } from "@/features/articles/server";
import { safeNextPath } from "@/lib/safe-next";

/** The preview banner's exit: ends draft mode, drops the token, back to the page as readers see it. */
export async function GET(request: NextRequest): Promise<Response> {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_COOKIE);
  const to = safeNextPath(request.nextUrl.searchParams.get("to"));
  return new Response(null, {
    status: 307,
    headers: { Location: to, "Cache-Control": "no-store" },
  });
}
