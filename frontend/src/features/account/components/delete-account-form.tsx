"use client";

import { useTranslations } from "next-intl";
import { useMemo, type FormEventHandler, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { useSession } from "@/features/auth/session";
import { useRouter } from "@/i18n/navigation";
import type { User } from "@/lib/api/types";
import { useApiForm } from "@/lib/use-api-form";

import { deleteAccount } from "../api";
import { deleteAccountByEmailSchema, deleteAccountSchema } from "../schemas";

/**
 * Irreversible, so it asks for more than a click: the password, which the backend checks, or,
 * for an account that has none (social login only), its email address typed out.
 */
export function DeleteAccountForm({ user }: { user: User }) {
  return user.hasPassword ? <ConfirmWithPassword /> : <ConfirmWithEmail email={user.email} />;
}

function ConfirmWithPassword() {
  const t = useTranslations("account");
  const remove = useDeleteAccount();
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
  const remove = useDeleteAccount();
  const schema = useMemo(() => deleteAccountByEmailSchema(email), [email]);
  const { form, submit, formError, fieldError } = useApiForm(schema, { email: "" });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <DeleteShell onSubmit={submit(() => remove())} submitting={isSubmitting} error={formError}>
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

function useDeleteAccount() {
  const router = useRouter();
  const { clear } = useSession();
  return async (password?: string) => {
    await deleteAccount(password);
    clear();
    router.replace("/");
  };
}

function DeleteShell({
  onSubmit,
  submitting,
  error,
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitting: boolean;
  error: string | null;
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
    </FormShell>
  );
}
