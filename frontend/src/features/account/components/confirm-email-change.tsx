"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Link } from "@/i18n/navigation";
import { localePath } from "@/i18n/locale-path";
import { toApiError } from "@/lib/api/errors";
import { hardNavigate } from "@/lib/hard-navigate";
import { useTranslateError } from "@/lib/use-translate-error";

import { confirmEmailChange } from "../api";

/**
 * Spends the token from the link sent to the new address once, then loads /email-changed in
 * full: the backend ended every session of the account (this browser's cookie included), so
 * nothing of a session held in this tab may survive (as after deleting the account).
 */
export function ConfirmEmailChange({ token }: { token: string | null }) {
  const t = useTranslations("account");
  const locale = useLocale();
  const translate = useTranslateError();
  const [failure, setFailure] = useState<string | null>(() =>
    token ? null : translate("invalid_token", ""),
  );
  // Tokens are single-use; React's development double-effect must not spend it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    confirmEmailChange(token)
      .then(() => hardNavigate(localePath(locale, "/email-changed")))
      .catch((error: unknown) => {
        const apiError = toApiError(error);
        setFailure(translate(apiError.code, apiError.detail));
      });
  }, [token, translate, locale]);

  if (failure === null) return <p role="status">{t("emailChangeConfirming")}</p>;
  return (
    <div className="space-y-4">
      <Alert tone="error">{failure}</Alert>
      <Link href="/account" className="link">
        {t("emailChangeBackToAccount")}
      </Link>
    </div>
  );
}
