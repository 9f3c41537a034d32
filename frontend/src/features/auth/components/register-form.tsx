"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { useRouter } from "@/i18n/navigation";
import { useApiForm } from "@/lib/use-api-form";

import { register as registerAccount } from "../api";
import { NAME_MAX_LENGTH, registerSchema } from "../schemas";

export function RegisterForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const { form, submit, formError, fieldError } = useApiForm(registerSchema, {
    firstName: "",
    lastName: "",
    email: "",
    password: "",
  });
  const {
    register,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const limit = { max: NAME_MAX_LENGTH };

  const onSubmit = submit(async (values) => {
    await registerAccount(values);
    router.push(`/check-email?email=${encodeURIComponent(values.email)}`);
  });

  return (
    <FormShell onSubmit={onSubmit} submitting={isSubmitting} error={formError}>
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
      <TextField
        label={t("email")}
        type="email"
        autoComplete="email"
        error={fieldError(errors.email)}
        {...register("email")}
      />
      <TextField
        label={t("password")}
        type="password"
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={fieldError(errors.password)}
        {...register("password")}
      />
      <Button type="submit" className="w-full">
        {isSubmitting ? t("registering") : t("register")}
      </Button>
    </FormShell>
  );
}
