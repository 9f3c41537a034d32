"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

import { errorMessage } from "./error-message";
import type { TranslateError } from "./forms";

/** `errorMessage` in the current locale, for client components. */
export function useTranslateError(): TranslateError {
  const t = useTranslations("errors");
  return useCallback(
    (code: string, fallback: string, retryAfter?: number | null) =>
      errorMessage(t, code, fallback, retryAfter),
    [t],
  );
}
