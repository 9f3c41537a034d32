"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { NAME_MAX_LENGTH } from "@/features/auth/schemas";
import { useSession } from "@/features/auth/session";
import type { User } from "@/lib/api/types";
import { useApiForm } from "@/lib/use-api-form";

import { updateProfile } from "../api";
import { profileSchema } from "../schemas";

export function ProfileForm({ user }: { user: User }) {
  const t = useTranslations("account");
  const { setUser } = useSession();
  const [saved, setSaved] = useState(false);
  const { form, submit, formError, fieldError } = useApiForm(profileSchema, {
    firstName: user.firstName,
    lastName: user.lastName,
  });
  const {
    register,
    reset,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const limit = { max: NAME_MAX_LENGTH };

  const onSubmit = submit(async (values) => {
    setSaved(false);
    const updated = await updateProfile(values);
    setUser(updated);
    reset({ firstName: updated.firstName, lastName: updated.lastName });
    setSaved(true);
  });

  return (
    <FormShell
      onSubmit={onSubmit}
      submitting={isSubmitting}
      error={formError}
      status={saved ? <Alert tone="success">{t("profileSaved")}</Alert> : null}
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("emailIs", { email: user.email })}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("firstName")}
          autoComplete="given-name"
          error={fieldError(errors.firstName, limit)}
          counter={{ count: watch("firstName").length, ...limit }}
          {...register("firstName")}
        />
        <TextField
          label={t("lastName")}
          autoComplete="family-name"
          error={fieldError(errors.lastName, limit)}
          counter={{ count: watch("lastName").length, ...limit }}
          {...register("lastName")}
        />
      </div>
      <Button type="submit">{t("saveProfile")}</Button>
    </FormShell>
  );
}
