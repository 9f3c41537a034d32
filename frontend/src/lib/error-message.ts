import type { useTranslations } from "next-intl";

import type en from "../../messages/en.json";

type ErrorMessages = (typeof en)["errors"];
// The keys of every message under "errors", nested ones as "group.code".
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type ErrorCode = Leaves<ErrorMessages>;

/**
 * `errors.<code>` in the translator's locale, or the backend's own (already localised)
 * message. A 429 with `Retry-After` says how long to wait: seconds up to two minutes, whole
 * minutes (rounded up) beyond. Shared by `useTranslateError` and Server Components
 * (`getTranslations("errors")`).
 */
export function errorMessage(
  t: ReturnType<typeof useTranslations<"errors">>,
  code: string,
  fallback: string,
  retryAfter?: number | null,
): string {
  if (code === "throttled" && retryAfter) {
    return retryAfter < 120
      ? t("throttledSeconds", { seconds: retryAfter })
      : t("throttledMinutes", { minutes: Math.ceil(retryAfter / 60) });
  }
  return t.has(code as ErrorCode) ? t(code as ErrorCode) : fallback || t("unknown");
}
