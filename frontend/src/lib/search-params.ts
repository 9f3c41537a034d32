/**
 * The first value of a query parameter. Next.js gives pages `string[]` for a repeated parameter
 * (`?next=a&next=b`), so every page reads its searchParams through this instead of assuming a
 * string.
 */
export function firstParam(
  value: string | readonly string[] | null | undefined,
): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    return typeof first === "string" ? first : undefined;
  }
  return undefined;
}

/** What Next.js passes a page as searchParams: any parameter may be missing or repeated. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
