"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { useApiForm } from "@/lib/use-api-form";

import { resendVerificationEmail } from "../api";
import { emailSchema } from "../schemas";

export function ResendVerificationForm({ email = "" }: { email?: string }) {
  const t = useTranslations("auth");
  const [sent, setSent] = useState(false);
  const { form, submit, formError, fieldError } = useApiForm(emailSchema, { email });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = submit(async (values) => {
    setSent(false);
    await resendVerificationEmail(values.email);
    setSent(true);
  });

  return (
    <FormShell
      onSubmit={onSubmit}
      submitting={isSubmitting}
      error={formError}
      status={sent ? <Alert tone="success">{t("verificationResent")}</Alert> : null}
    >
      <TextField
        label={t("email")}
        type="email"
        autoComplete="email"
        error={fieldError(errors.email)}
        {...register("email")}
      />
      <Button type="submit" variant="secondary">
        {t("resendVerification")}
      </Button>
    </FormShell>
  );
}
