"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { useSession } from "@/features/auth/session";
import { useRouter } from "@/i18n/navigation";
import { useApiForm } from "@/lib/use-api-form";

import { deleteAccount } from "../api";
import { deleteAccountSchema } from "../schemas";

/** Irreversible, so it asks for the password (the backend checks it) rather than a click. */
export function DeleteAccountForm() {
  const t = useTranslations("account");
  const router = useRouter();
  const { clear } = useSession();
  const { form, submit, formError, fieldError } = useApiForm(deleteAccountSchema, { password: "" });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = submit(async ({ password }) => {
    await deleteAccount(password);
    clear();
    router.replace("/");
  });

  return (
    <FormShell
      onSubmit={onSubmit}
      submitting={isSubmitting}
      error={formError}
      intro={<p className="text-sm text-zinc-600 dark:text-zinc-400">{t("deleteWarning")}</p>}
    >
      <TextField
        label={t("confirmWithPassword")}
        type="password"
        autoComplete="current-password"
        error={fieldError(errors.password)}
        {...register("password")}
      />
      <Button type="submit" variant="danger">
        {t("deleteAccount")}
      </Button>
    </FormShell>
  );
}
