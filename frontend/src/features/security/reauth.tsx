"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { Link } from "@/i18n/navigation";
import { toApiError, type ApiError } from "@/lib/api/errors";
import { asFieldError } from "@/lib/forms";
import { adoptPageNonce } from "@/lib/style-nonce";
import { useApiForm } from "@/lib/use-api-form";
import { useTranslateError } from "@/lib/use-translate-error";
import { useWebAuthnSupported } from "@/lib/webauthn";

import { reauthenticateWithPasskey, reauthenticateWithPassword } from "./api";

/** Runs an API call; when it needs a fresh re-authentication, asks for one and runs it again. */
export type WithReauth = <T>(call: () => Promise<T>) => Promise<T>;

const ReauthContext = createContext<WithReauth | null>(null);

export const REAUTH_REQUIRED = "reauthentication_required";

type Waiting = { promise: Promise<void>; resolve: () => void; reject: () => void };

/**
 * Gives the account page's security controls `useReauth()`. Endpoints that change how the
 * account is protected answer 403 `reauthentication_required` unless the access token carries
 * a recent proof (the password or a passkey, within AUTH_REAUTH_MAX_AGE). This provider then
 * opens one dialog, however many calls were refused together, swaps the token for the one the
 * proof earns and replays each call once. Cancelling fails them with their original error.
 */
export function ReauthProvider({
  hasPassword,
  hasPasskey,
  children,
}: {
  hasPassword: boolean;
  hasPasskey: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const waiting = useRef<Waiting | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const ask = useCallback(() => {
    if (!waiting.current) {
      const settlers: Partial<Omit<Waiting, "promise">> = {};
      const promise = new Promise<void>((resolve, reject) => {
        settlers.resolve = resolve;
        settlers.reject = reject;
      });
      waiting.current = { promise, ...(settlers as Omit<Waiting, "promise">) };
      returnFocus.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      adoptPageNonce();
      setOpen(true);
    }
    return waiting.current.promise;
  }, []);

  const settle = (proved: boolean) => {
    const current = waiting.current;
    waiting.current = null;
    setOpen(false);
    if (proved) current?.resolve();
    else current?.reject();
  };

  const withReauth = useCallback<WithReauth>(
    async (call) => {
      try {
        return await call();
      } catch (error) {
        if (toApiError(error).code !== REAUTH_REQUIRED) throw error;
        try {
          await ask();
        } catch {
          throw error;
        }
        return call();
      }
    },
    [ask],
  );

  return (
    <ReauthContext.Provider value={withReauth}>
      {children}
      <Dialog.Root open={open} onOpenChange={(isOpen) => isOpen || settle(false)}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
          <Dialog.Content
            // Opening, Radix focuses the first control: the password field, else the passkey button.
            onCloseAutoFocus={(event) => {
              // No Radix Trigger opened it (a refused request did): focus goes back to the
              // control that started the change, if it can still take it.
              event.preventDefault();
              returnFocus.current?.focus();
            }}
            className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-6 shadow-xl dark:bg-zinc-900"
          >
            {open ? (
              <ReauthBody
                hasPassword={hasPassword}
                hasPasskey={hasPasskey}
                onProved={() => settle(true)}
              />
            ) : null}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </ReauthContext.Provider>
  );
}

export function useReauth(): WithReauth {
  const value = useContext(ReauthContext);
  if (!value) throw new Error("useReauth() must be used inside <ReauthProvider>.");
  return value;
}

const passwordSchema = z.object({ password: z.string().min(1, "required") });

function ReauthBody({
  hasPassword,
  hasPasskey,
  onProved,
}: {
  hasPassword: boolean;
  hasPasskey: boolean;
  onProved: () => void;
}) {
  const t = useTranslations("security");
  const translate = useTranslateError();
  const passkey = useWebAuthnSupported() && hasPasskey;
  const [passkeyError, setPasskeyError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { form, submit, formError, fieldError } = useApiForm(passwordSchema, { password: "" });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = submit(async ({ password }) => {
    setPasskeyError(null);
    try {
      await reauthenticateWithPassword(password);
    } catch (error) {
      throw asFieldError(error, "invalid_password", "password");
    }
    onProved();
  });

  const confirmWithPasskey = async () => {
    setPasskeyError(null);
    setBusy(true);
    try {
      await reauthenticateWithPasskey();
      onProved();
    } catch (error) {
      setPasskeyError(toApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Dialog.Title className="text-lg font-semibold">{t("reauthTitle")}</Dialog.Title>
      <Dialog.Description className="text-sm text-zinc-600 dark:text-zinc-400">
        {t(hasPassword ? "reauthPassword" : passkey ? "reauthPasskey" : "reauthNoMethod")}
      </Dialog.Description>
      {passkeyError ? (
        <Alert tone="error">
          {translate(passkeyError.code, passkeyError.detail, passkeyError.retryAfter)}
        </Alert>
      ) : null}
      {hasPassword ? (
        <FormShell onSubmit={onSubmit} submitting={isSubmitting || busy} error={formError}>
          <TextField
            label={t("currentPassword")}
            type="password"
            autoComplete="current-password"
            error={fieldError(errors.password)}
            {...register("password")}
          />
          <Button type="submit" className="w-full">
            {t("reauthConfirm")}
          </Button>
        </FormShell>
      ) : null}
      {passkey ? (
        <Button
          variant={hasPassword ? "secondary" : "primary"}
          className="w-full"
          onClick={() => void confirmWithPasskey()}
          disabled={busy || isSubmitting}
        >
          {t("reauthWithPasskey")}
        </Button>
      ) : null}
      {!hasPassword && !passkey ? (
        <Link href="/forgot-password" className="link">
          {t("reauthSetPassword")}
        </Link>
      ) : null}
      <div className="flex justify-end">
        <Dialog.Close className={buttonClass("secondary")}>{t("cancel")}</Dialog.Close>
      </div>
    </>
  );
}
