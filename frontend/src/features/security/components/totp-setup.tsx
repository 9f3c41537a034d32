"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { compactCode, totpCodeSchema } from "@/features/auth/schemas";
import type { TotpSetup as TotpSetupData } from "@/lib/api/types";
import { asFieldError } from "@/lib/forms";
import { useApiForm } from "@/lib/use-api-form";

import { useConfirmTotp } from "../hooks";

/**
 * The QR code as an image: the API's standalone SVG document goes into an <img> as a data URL,
 * where it is only ever drawn. Inserted into the page (dangerouslySetInnerHTML) its scripts and
 * event handlers, if a bug or an attacker ever put any there, would run with the page's rights.
 */
export function qrCodeSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The secret in groups of four, as authenticator apps show it and people type it. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * Step two of turning TOTP on: scan the QR code (or type the secret), then prove it works with
 * the first code. The heading takes focus when the step appears.
 */
export function TotpSetup({
  setup,
  onConfirmed,
  onCancel,
}: {
  setup: TotpSetupData;
  onConfirmed: (recoveryCodes: string[] | null) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("security");
  const ta = useTranslations("auth");
  const heading = useRef<HTMLHeadingElement>(null);
  const confirm = useConfirmTotp();
  const { form, submit, formError, fieldError } = useApiForm(totpCodeSchema, { code: "" });
  const {
    register,
    resetField,
    formState: { errors, isSubmitting },
  } = form;

  useEffect(() => heading.current?.focus(), []);

  const onSubmit = submit(async ({ code }) => {
    try {
      const { recoveryCodes } = await confirm.mutateAsync(compactCode(code));
      onConfirmed(recoveryCodes ?? null);
    } catch (error) {
      resetField("code");
      throw asFieldError(error, "invalid_code", "code");
    }
  });

  return (
    <div className="space-y-4">
      <h3 ref={heading} tabIndex={-1} className="font-semibold outline-none">
        {t("setupTitle")}
      </h3>
      <ol className="list-decimal space-y-4 pl-5 text-sm">
        <li className="space-y-2">
          <p>{t("setupScan")}</p>
          {/* Drawn at the size the API made it: its markup has no viewBox to scale by. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL: nothing for next/image to optimise */}
          <img
            src={qrCodeSource(setup.qrCodeSvg)}
            alt={t("qrCodeAlt")}
            className="rounded bg-white p-2"
          />
          <p>{t("setupManual")}</p>
          <code className="block font-mono text-base break-all" data-testid="totp-secret">
            {groupSecret(setup.secret)}
          </code>
        </li>
        <li>
          <FormShell onSubmit={onSubmit} submitting={isSubmitting} error={formError}>
            <TextField
              label={ta("totpCode")}
              hint={t("setupCodeHint")}
              autoComplete="one-time-code"
              inputMode="numeric"
              autoCapitalize="off"
              spellCheck={false}
              error={fieldError(errors.code)}
              {...register("code")}
            />
            <div className="flex gap-2">
              <Button type="submit">{t("setupConfirm")}</Button>
              <Button variant="secondary" onClick={onCancel}>
                {t("cancel")}
              </Button>
            </div>
          </FormShell>
        </li>
      </ol>
    </div>
  );
}
