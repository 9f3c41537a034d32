"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

import type { DataExport } from "@/lib/api/types";

type FailureCode = NonNullable<DataExport["failure"]>["code"];

/**
 * Why a failed export failed, for its owner: this app's words for the API's stable code, or the
 * API's own (already localised) message for a code this build does not know yet.
 */
export function useExportFailureReason(): (failure: DataExport["failure"]) => string {
  const t = useTranslations("account");
  return useCallback(
    (failure) => {
      if (!failure) return t("exportFailed");
      const key = `exportFailure.${failure.code}` as `exportFailure.${FailureCode}`;
      return t.has(key) ? t(key) : failure.message;
    },
    [t],
  );
}
