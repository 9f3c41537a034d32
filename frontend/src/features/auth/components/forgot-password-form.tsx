"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { useApiForm } from "@/lib/use-api-form";

import { requestPasswordReset } from "../api";
import { emailSchema } from "../schemas";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [sent, setSent] = useState(false);
  const { form, submit, formError, fieldError } = useApiForm(emailSchema, { email: "" });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = submit(async (values) => {
    await requestPasswordReset(values.email);
    setSent(true);
  });

  // The backend answers 202 whether or not the address has an account (no user enumeration).
  if (sent) return <Alert tone="success">{t("resetRequested")}</Alert>;

  return (
    <FormShell onSubmit={onSubmit} submitting={isSubmitting} error={formError}>
      <TextField
        label={t("email")}
        type="email"
        autoComplete="email"
        error={fieldError(errors.email)}
        {...register("email")}
      />
      <Button type="submit" className="w-full">
        {t("sendResetLink")}
      </Button>
    </FormShell>
  );
}
