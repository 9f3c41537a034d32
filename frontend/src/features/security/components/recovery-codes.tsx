"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { Button, buttonClass } from "@/components/ui/button";

/** The codes as a text file: one a line, so a download can be printed or pasted from. */
export function recoveryCodesFile(codes: readonly string[]): string {
  return `data:text/plain;charset=utf-8,${encodeURIComponent(`${codes.join("\n")}\n`)}`;
}

/**
 * Fresh recovery codes, shown this once (the server keeps only their hashes): copy, download
 * as a .txt file, then "done". The heading takes focus when they appear, so a screen reader
 * starts reading here; the copy result is announced in a live region.
 */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const t = useTranslations("security");
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"copied" | "copyFailed" | null>(null);

  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("copied");
    } catch {
      // No clipboard permission (or an insecure origin): the codes are on screen to select.
      setCopied("copyFailed");
    }
  };

  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950">
      <h3 ref={heading} tabIndex={-1} className="font-semibold outline-none">
        {t("recoveryCodesTitle")}
      </h3>
      <p className="text-sm">{t("recoveryCodesIntro")}</p>
      <ul
        aria-label={t("recoveryCodesList")}
        className="grid grid-cols-2 gap-2 font-mono text-sm"
        data-testid="recovery-codes"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void copy()}>
          {t("copyCodes")}
        </Button>
        <a
          href={recoveryCodesFile(codes)}
          download="recovery-codes.txt"
          className={buttonClass("secondary")}
        >
          {t("downloadCodes")}
        </a>
        <Button onClick={onDone}>{t("codesSaved")}</Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm">
        {copied ? t(copied) : null}
      </p>
    </div>
  );
}
