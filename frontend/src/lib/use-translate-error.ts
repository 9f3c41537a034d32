"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

import type en from "../../messages/en.json";

import type { TranslateError } from "./forms";

type ErrorMessages = (typeof en)["errors"];
// Backend codes, plus the social-login callback codes under "social." (apps/accounts/social.py).
type ErrorCode = Exclude<keyof ErrorMessages, "social"> | `social.${keyof ErrorMessages["social"]}`;

/**
 * `errors.<code>` in the current locale, or the backend's own (already localised) message. A
 * 429 with `Retry-After` says how long to wait: seconds up to two minutes, whole minutes
 * (rounded up) beyond.
 */
export function useTranslateError(): TranslateError {
  const t = useTranslations("errors");
  return useCallback(
    (code: string, fallback: string, retryAfter?: number | null) => {
      if (code === "throttled" && retryAfter) {
        return retryAfter < 120
          ? t("throttledSeconds", { seconds: retryAfter })
          : t("throttledMinutes", { minutes: Math.ceil(retryAfter / 60) });
      }
      return t.has(code as ErrorCode) ? t(code as ErrorCode) : fallback || t("unknown");
    },
    [t],
  );
}
