"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { toApiError } from "@/lib/api/errors";
import type { MfaStatus } from "@/lib/api/types";
import { useTranslateError } from "@/lib/use-translate-error";

import { useDisableTotp, useMfaStatus, useRegenerateRecoveryCodes, useSetupTotp } from "../hooks";

import { RecoveryCodes } from "./recovery-codes";
import { TotpSetup } from "./totp-setup";

/**
 * The account's second factor: an authenticator app (TOTP) turned on through a QR code and a
 * first code, or off; and the recovery codes that stand in for it, shown once and regenerable.
 * Setting up, turning off and new codes need a recent re-authentication (ReauthProvider).
 */
export function TwoFactorSettings() {
  const t = useTranslations("security");
  const translate = useTranslateError();
  const status = useMfaStatus();
  const setup = useSetupTotp();
  const disable = useDisableTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const { confirm, dialog } = useConfirm();
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const summary = useRef<HTMLParagraphElement>(null);

  const failure = status.error ?? setup.error ?? disable.error ?? regenerate.error;
  const error = failure ? toApiError(failure) : null;

  const onDisable = async () => {
    const yes = await confirm({
      title: t("disableTitle"),
      description: t("disableBody"),
      confirmLabel: t("disable"),
    });
    if (yes) disable.mutate(undefined);
  };

  const onRegenerate = async () => {
    const yes = await confirm({
      title: t("regenerateTitle"),
      description: t("regenerateBody"),
      confirmLabel: t("regenerate"),
    });
    if (yes)
      regenerate.mutate(undefined, { onSuccess: (answer) => setCodes(answer.recoveryCodes) });
  };

  // After the codes (or a cancelled setup) focus returns to the state of the section.
  const backToSummary = () => setTimeout(() => summary.current?.focus());

  const data: MfaStatus | undefined = status.data;
  return (
    <div className="space-y-4">
      {error ? (
        <Alert tone="error">{translate(error.code, error.detail, error.retryAfter)}</Alert>
      ) : null}
      {data ? (
        <p ref={summary} tabIndex={-1} className="outline-none">
          {t(data.totpEnabled ? "totpOn" : "totpOff")}
        </p>
      ) : null}
      {codes ? (
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setCodes(null);
            backToSummary();
          }}
        />
      ) : setup.data ? (
        <TotpSetup
          setup={setup.data}
          onConfirmed={(recoveryCodes) => {
            setup.reset();
            if (recoveryCodes) setCodes(recoveryCodes);
            else backToSummary();
          }}
          onCancel={() => {
            setup.reset();
            backToSummary();
          }}
        />
      ) : data ? (
        <div className="space-y-4">
          {data.totpEnabled ? (
            <Button variant="danger" onClick={() => void onDisable()} disabled={disable.isPending}>
              {t("disable")}
            </Button>
          ) : (
            <Button onClick={() => setup.mutate(undefined)} disabled={setup.isPending}>
              {t("enable")}
            </Button>
          )}
          {data.totpEnabled || data.passkeyCount > 0 ? (
            <div className="space-y-2">
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {t("recoveryCodesLeft", { count: data.recoveryCodesRemaining })}
              </p>
              <Button
                variant="secondary"
                onClick={() => void onRegenerate()}
                disabled={regenerate.isPending}
              >
                {t("regenerate")}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {dialog}
    </div>
  );
}
