"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

import type en from "../../messages/en.json";

import type { TranslateError } from "./forms";

type ErrorCode = keyof (typeof en)["errors"];

/** `errors.<code>` in the current locale, or the backend's own (already localised) message. */
export function useTranslateError(): TranslateError {
  const t = useTranslations("errors");
  return useCallback(
    (code: string, fallback: string) =>
      t.has(code as ErrorCode) ? t(code as ErrorCode) : fallback || t("unknown"),
    [t],
  );
}
