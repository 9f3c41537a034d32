"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, type FormEventHandler, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { localePath } from "@/i18n/locale-path";
import { hardNavigate } from "@/lib/hard-navigate";
import type { User } from "@/lib/api/types";
import { useApiForm } from "@/lib/use-api-form";

import { deleteAccount } from "../api";
import { deleteAccountByEmailSchema, deleteAccountSchema } from "../schemas";

/**
 * Irreversible, so it asks for more than a click: the password, which the backend checks, or,
 * for an account that has none (it signs in otherwise), its email address typed out.
 */
export function DeleteAccountForm({ user }: { user: User }) {
  return user.hasPassword ? <ConfirmWithPassword /> : <ConfirmWithEmail email={user.email} />;
}

function ConfirmWithPassword() {
  const t = useTranslations("account");
  const { remove, dialog } = useDeleteAccount();
  const { form, submit, formError, fieldError } = useApiForm(deleteAccountSchema, { password: "" });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <DeleteShell
      onSubmit={submit(({ password }) => remove(password))}
      submitting={isSubmitting}
      error={formError}
      dialog={dialog}
    >
      <TextField
        label={t("confirmWithPassword")}
        type="password"
        autoComplete="current-password"
        error={fieldError(errors.password)}
        {...register("password")}
      />
    </DeleteShell>
  );
}

function ConfirmWithEmail({ email }: { email: string }) {
  const t = useTranslations("account");
  const { remove, dialog } = useDeleteAccount();
  const schema = useMemo(() => deleteAccountByEmailSchema(email), [email]);
  const { form, submit, formError, fieldError } = useApiForm(schema, { email: "" });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <DeleteShell
      onSubmit={submit(() => remove())}
      submitting={isSubmitting}
      error={formError}
      dialog={dialog}
    >
      <TextField
        label={t("confirmWithEmail", { email })}
        // Typed, not filled in: the point is a deliberate act.
        type="text"
        inputMode="email"
        autoComplete="off"
        spellCheck={false}
        error={fieldError(errors.email)}
        {...register("email")}
      />
    </DeleteShell>
  );
}

/**
 * Asks once more in a dialog, deletes, then loads the confirmation page in full. The session
 * is not cleared first: on /account that made RequireAuth send the browser to login before the
 * page's own navigation happened (issue 20, bug 3). The full load drops every trace of the old
 * session; the backend has already cleared the refresh cookie.
 */
function useDeleteAccount() {
  const t = useTranslations("account");
  const locale = useLocale();
  const { confirm, dialog } = useConfirm();
  const remove = async (password?: string) => {
    const yes = await confirm({
      title: t("deleteTitle"),
      description: t("deleteWarning"),
      confirmLabel: t("deleteAccount"),
    });
    if (!yes) return;
    await deleteAccount(password);
    hardNavigate(localePath(locale, "/account-deleted"));
  };
  return { remove, dialog };
}

function DeleteShell({
  onSubmit,
  submitting,
  error,
  dialog,
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitting: boolean;
  error: string | null;
  dialog: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("account");
  return (
    <FormShell
      onSubmit={onSubmit}
      submitting={submitting}
      error={error}
      intro={<p className="text-sm text-zinc-600 dark:text-zinc-400">{t("deleteWarning")}</p>}
    >
      {children}
      <Button type="submit" variant="danger">
        {t("deleteAccount")}
      </Button>
      {dialog}
    </FormShell>
  );
}
