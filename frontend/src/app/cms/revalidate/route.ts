import { createHmac, timingSafeEqual } from "node:crypto";

import { revalidateTag } from "next/cache";

import { env } from "@/env";

import { problemResponse } from "../problem";

/** A signed call older (or newer) than this is refused: a captured one cannot be replayed later. */
const MAX_SKEW_SECONDS = 5 * 60;
const MAX_BODY_BYTES = 64 * 1024;
const MAX_TAGS = 200;
// Next.js ignores longer tags; refusing them says so instead.
const MAX_TAG_LENGTH = 256;

function signatureValid(timestamp: string, body: string, signature: string): boolean {
  const expected = createHmac("sha256", env.revalidateSecret)
    .update(`${timestamp}.${body}`)
    .digest();
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function tagsOf(body: string): string[] | null {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  const tags = (data as { tags?: unknown } | null)?.tags;
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > MAX_TAGS) return null;
  const valid = tags.every(
    (tag): tag is string =>
      typeof tag === "string" && tag.length > 0 && tag.length <= MAX_TAG_LENGTH,
  );
  return valid ? tags : null;
}

/**
 * The backend's revalidation webhook (apps/content/revalidation.py): drops the cached content
 * under each tag, so the next visit of an affected page reads the backend again. Signed with
 * HMAC-SHA256 over "<timestamp>.<body>" with the shared REVALIDATE_SECRET. Revalidating is
 * idempotent, so a retried call does no harm.
 */
export async function POST(request: Request): Promise<Response> {
  if (!env.revalidateSecret) {
    return problemResponse(401, "revalidation_disabled", "REVALIDATE_SECRET is not set.");
  }
  const timestamp = request.headers.get("x-revalidate-timestamp") ?? "";
  const signature = request.headers.get("x-revalidate-signature") ?? "";
  const body = await request.text();
  if (body.length > MAX_BODY_BYTES) {
    return problemResponse(413, "payload_too_large", "The body is too large.");
  }
  const age = Math.abs(Date.now() / 1000 - Number(timestamp));
  if (!/^\d+$/.test(timestamp) || !(age <= MAX_SKEW_SECONDS)) {
    return problemResponse(401, "signature_expired", "The timestamp is missing or too far off.");
  }
  if (!signatureValid(timestamp, body, signature)) {
    return problemResponse(401, "signature_invalid", "The signature does not match.");
  }
  const tags = tagsOf(body);
  if (!tags) {
    return problemResponse(
      400,
      "tags_invalid",
      'The body must be {"tags": [...]} with 1-200 tags.',
    );
  }
  // expire 0: the next visit waits for fresh content instead of being served the old page once more.
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: tags }, { headers: { "Cache-Control": "no-store" } });
}
