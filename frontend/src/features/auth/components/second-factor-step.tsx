"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { toApiError, type ApiError } from "@/lib/api/errors";
import type { LoginResult, User } from "@/lib/api/types";
import { asFieldError } from "@/lib/forms";
import { useApiForm } from "@/lib/use-api-form";
import { useTranslateError } from "@/lib/use-translate-error";
import { useWebAuthnSupported } from "@/lib/webauthn";

import { verifyPasskey, verifyRecoveryCode, verifyTotp } from "../api";
import { compactCode, recoveryCodeSchema, totpCodeSchema } from "../schemas";
import { useSession } from "../session";

/** What the first step (a password, or a provider's sign-in callback) hands over. */
export type SecondFactorChallenge = { ticket: string; methods: readonly string[] };

type CodeKind = "totp" | "recoveryCode";

/**
 * The ticket cannot be used any more (expired, spent, or closed after too many wrong codes):
 * only starting over with the password helps.
 */
const TICKET_GONE = "invalid_ticket";

/**
 * The second step of a login: a code from the authenticator app, a recovery code, or a
 * passkey, whichever of `methods` the account has. Focus goes to the code field when the step
 * appears and whenever the kind of code changes, so keyboard and screen-reader users land
 * where they type.
 */
export function SecondFactorStep({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: SecondFactorChallenge;
  onSignedIn: (user: User) => void;
  /** Back to the password (or the login page): the ticket is used up or the user gave up. */
  onRestart: () => void;
}) {
  const t = useTranslations("auth");
  const translate = useTranslateError();
  const { completeLogin } = useSession();
  const passkeys = useWebAuthnSupported() && challenge.methods.includes("passkey");
  const codeKinds = (["totp", "recoveryCode"] as const).filter((kind) =>
    challenge.methods.includes(kind),
  );
  const [kind, setKind] = useState<CodeKind | undefined>(codeKinds[0]);
  const [passkeyError, setPasskeyError] = useState<ApiError | null>(null);
  const [ticketGone, setTicketGone] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Without a code to type (passkeys only), the step's heading takes the focus the password
  // form had; the code field takes it otherwise (CodeForm).
  useEffect(() => {
    if (!kind) heading.current?.focus();
  }, [kind]);

  const finish = async (result: LoginResult) => onSignedIn(await completeLogin(result));

  // Every failure is shown; one that killed the ticket also offers the way back.
  const noteFailure = (error: unknown) => {
    if (toApiError(error).code === TICKET_GONE) setTicketGone(true);
  };

  const signInWithPasskey = async () => {
    setPasskeyError(null);
    setBusy(true);
    try {
      await finish(await verifyPasskey(challenge.ticket));
    } catch (error) {
      noteFailure(error);
      setPasskeyError(toApiError(error));
    } finally {
      setBusy(false);
    }
  };

  const other = codeKinds.find((candidate) => candidate !== kind);
  return (
    <div className="space-y-4">
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        {t("secondFactorTitle")}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t(kind ? "secondFactorIntro" : "secondFactorPasskeyIntro")}
      </p>
      {passkeyError ? (
        <Alert tone="error">
          {translate(passkeyError.code, passkeyError.detail, passkeyError.retryAfter)}
        </Alert>
      ) : null}
      {kind ? (
        <CodeForm
          key={kind}
          kind={kind}
          disabled={ticketGone || busy}
          onSubmit={async (code) => {
            const verify = kind === "totp" ? verifyTotp : verifyRecoveryCode;
            try {
              await finish(await verify(challenge.ticket, code));
            } catch (error) {
              noteFailure(error);
              throw error;
            }
          }}
        />
      ) : null}
      <div className="flex flex-col items-start gap-2">
        {other && !ticketGone ? (
          <button type="button" className="link text-sm" onClick={() => setKind(other)}>
            {t(other === "recoveryCode" ? "useRecoveryCode" : "useAuthenticatorCode")}
          </button>
        ) : null}
        {passkeys && !ticketGone ? (
          <Button variant="secondary" onClick={() => void signInWithPasskey()} disabled={busy}>
            {t("usePasskey")}
          </Button>
        ) : null}
        <button type="button" className="link text-sm" onClick={onRestart}>
          {t(ticketGone ? "startOver" : "backToLogin")}
        </button>
      </div>
    </div>
  );
}

function CodeForm({
  kind,
  disabled,
  onSubmit,
}: {
  kind: CodeKind;
  disabled: boolean;
  onSubmit: (code: string) => Promise<void>;
}) {
  const t = useTranslations("auth");
  const schema = kind === "totp" ? totpCodeSchema : recoveryCodeSchema;
  const { form, submit, formError, fieldError } = useApiForm(schema, { code: "" });
  const {
    register,
    setFocus,
    resetField,
    formState: { errors, isSubmitting },
  } = form;

  useEffect(() => setFocus("code"), [setFocus]);

  const handle = submit(async ({ code }) => {
    try {
      await onSubmit(compactCode(code));
    } catch (error) {
      // A wrong code belongs to the field: announced with it, and it takes focus again.
      throw asFieldError(error, "invalid_code", "code");
    } finally {
      // A wrong code is typed again from scratch.
      resetField("code");
    }
  });

  const totp = kind === "totp";
  return (
    <FormShell onSubmit={handle} submitting={isSubmitting} error={formError}>
      <TextField
        label={t(totp ? "totpCode" : "recoveryCode")}
        hint={t(totp ? "totpCodeHint" : "recoveryCodeHint")}
        // The OS offers a code received by SMS or from a password manager's authenticator.
        autoComplete={totp ? "one-time-code" : "off"}
        inputMode={totp ? "numeric" : "text"}
        autoCapitalize="off"
        spellCheck={false}
        disabled={disabled}
        error={fieldError(errors.code)}
        {...register("code")}
      />
      <Button type="submit" className="w-full" disabled={disabled}>
        {isSubmitting ? t("verifying") : t("verify")}
      </Button>
    </FormShell>
  );
}
