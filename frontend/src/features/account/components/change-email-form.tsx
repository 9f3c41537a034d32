"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { Link } from "@/i18n/navigation";
import type { User } from "@/lib/api/types";
import { useApiForm } from "@/lib/use-api-form";

import { requestEmailChange } from "../api";
import { changeEmailSchema, EMAIL_MAX_LENGTH } from "../schemas";

/**
 * Asks for a new address and the current password. Nothing changes until the link sent to the
 * new address is followed (confirm-email-change.tsx); the old address gets a notice.
 */
export function ChangeEmailForm({ user }: { user: User }) {
  const t = useTranslations("account");
  if (!user.hasPassword) {
    // The backend refuses (password_required): a stolen session alone must not move the account.
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("emailChangeNeedsPassword")}{" "}
        <Link href="/forgot-password" className="link">
          {t("passwordSetByEmail")}
        </Link>
      </p>
    );
  }
  return <WithPassword email={user.email} />;
}

function WithPassword({ email }: { email: string }) {
  const t = useTranslations("account");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const schema = useMemo(() => changeEmailSchema(email), [email]);
  const { form, submit, formError, fieldError } = useApiForm(schema, {
    newEmail: "",
    password: "",
  });
  const {
    register,
    reset,
    formState: { errors, isSubmitting },
  } = form;
  const limit = { max: EMAIL_MAX_LENGTH };

  const onSubmit = submit(async (values) => {
    setSentTo(null);
    await requestEmailChange(values);
    reset({ newEmail: "", password: "" });
    setSentTo(values.newEmail.trim());
  });

  return (
    <FormShell
      onSubmit={onSubmit}
      submitting={isSubmitting}
      error={formError}
      intro={
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("emailChangeIntro", { email })}
        </p>
      }
      status={
        // The same answer whether or not the address is free: the emails tell the rest.
        sentTo ? <Alert tone="success">{t("emailChangeSent", { email: sentTo })}</Alert> : null
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("newEmail")}
          type="email"
          autoComplete="email"
          error={fieldError(errors.newEmail, limit)}
          {...register("newEmail")}
        />
        <TextField
          label={t("currentPassword")}
          type="password"
          autoComplete="current-password"
          error={fieldError(errors.password)}
          {...register("password")}
        />
      </div>
      <Button type="submit" variant="secondary">
        {t("changeEmail")}
      </Button>
    </FormShell>
  );
}
