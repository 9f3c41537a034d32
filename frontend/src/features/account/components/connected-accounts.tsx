"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toApiError } from "@/lib/api/errors";
import { formatDate } from "@/lib/format";
import { useTranslateError } from "@/lib/use-translate-error";

import { listSocialAccounts, unlinkSocialAccount, type SocialAccount } from "../api";

/**
 * Social logins linked to this user; unlinking the last way to log in is refused by the API,
 * and for an account without a password (`hasPassword` false) the intro says so up front.
 */
export function ConnectedAccounts({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations("account");
  const locale = useLocale();
  const translate = useTranslateError();
  const [accounts, setAccounts] = useState<SocialAccount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const report = (caught: unknown) => {
    const apiError = toApiError(caught);
    setError(translate(apiError.code, apiError.detail));
  };

  useEffect(() => {
    listSocialAccounts()
      .then(setAccounts)
      .catch((caught: unknown) => {
        const apiError = toApiError(caught);
        setError(translate(apiError.code, apiError.detail));
      });
  }, [translate]);

  const onUnlink = async (account: SocialAccount) => {
    if (!window.confirm(t("confirmUnlink", { provider: account.provider }))) return;
    setError(null);
    setBusy(account.id);
    try {
      await unlinkSocialAccount(account.id);
      setAccounts((current) => current?.filter((a) => a.id !== account.id) ?? null);
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t(hasPassword ? "connectedIntro" : "connectedIntroNoPassword")}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {accounts === null ? null : accounts.length === 0 ? (
        <p className="text-sm">{t("connectedNone")}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {accounts.map((account) => (
            <li key={account.id} className="flex items-center justify-between gap-4 py-2">
              <span>
                <span className="font-medium">{account.provider}</span>{" "}
                <span className="text-sm text-zinc-600 dark:text-zinc-400">
                  {t("connectedSince", { date: formatDate(account.createdAt, locale) })}
                </span>
              </span>
              <Button
                variant="secondary"
                onClick={() => onUnlink(account)}
                disabled={busy === account.id}
              >
                {t("unlink")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
