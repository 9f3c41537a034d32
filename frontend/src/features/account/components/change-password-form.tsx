"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { useApiForm } from "@/lib/use-api-form";

import { changePassword } from "../api";
import { changePasswordSchema } from "../schemas";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [saved, setSaved] = useState(false);
  const { form, submit, formError, fieldError } = useApiForm(changePasswordSchema, {
    currentPassword: "",
    newPassword: "",
    confirmPassword: "",
  });
  const {
    register,
    reset,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = submit(async ({ currentPassword, newPassword }) => {
    setSaved(false);
    await changePassword({ currentPassword, newPassword });
    reset();
    setSaved(true);
  });

  return (
    <FormShell
      onSubmit={onSubmit}
      submitting={isSubmitting}
      error={formError}
      status={saved ? <Alert tone="success">{t("passwordChanged")}</Alert> : null}
    >
      <TextField
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        error={fieldError(errors.currentPassword)}
        {...register("currentPassword")}
      />
      <TextField
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        error={fieldError(errors.newPassword)}
        {...register("newPassword")}
      />
      <TextField
        label={t("confirmPassword")}
        type="password"
        autoComplete="new-password"
        error={fieldError(errors.confirmPassword)}
        {...register("confirmPassword")}
      />
      <Button type="submit">{t("changePassword")}</Button>
    </FormShell>
  );
}
