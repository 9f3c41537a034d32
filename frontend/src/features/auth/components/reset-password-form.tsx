"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { Link } from "@/i18n/navigation";
import { useApiForm } from "@/lib/use-api-form";

import { confirmPasswordReset } from "../api";
import { resetPasswordSchema } from "../schemas";

export function ResetPasswordForm({ uid, token }: { uid: string; token: string }) {
  const t = useTranslations("auth");
  const [done, setDone] = useState(false);
  const { form, submit, formError, fieldError } = useApiForm(resetPasswordSchema, {
    newPassword: "",
    confirmPassword: "",
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = submit(async ({ newPassword }) => {
    await confirmPasswordReset({ uid, token, newPassword });
    setDone(true);
  });

  if (done) {
    return (
      <Alert tone="success">
        {t("passwordReset")}{" "}
        <Link href="/login" className="link">
          {t("login")}
        </Link>
      </Alert>
    );
  }

  return (
    <FormShell onSubmit={onSubmit} submitting={isSubmitting} error={formError}>
      <TextField
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
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
      <Button type="submit" className="w-full">
        {t("setNewPassword")}
      </Button>
    </FormShell>
  );
}
