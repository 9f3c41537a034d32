"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { Link, useRouter } from "@/i18n/navigation";
import { toApiError } from "@/lib/api/errors";
import { safeNextPath } from "@/lib/safe-next";
import { useApiForm } from "@/lib/use-api-form";

import { loginSchema } from "../schemas";
import { useSession } from "../session";

export function LoginForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const next = safeNextPath(useSearchParams().get("next"));
  const { login } = useSession();
  const { form, submit, formError, fieldError } = useApiForm(loginSchema, {
    email: "",
    password: "",
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = submit(async ({ email, password }) => {
    try {
      await login(email, password);
    } catch (error) {
      // Unverified accounts get a direct way to ask for a new link instead of a dead end.
      if (toApiError(error).code === "email_not_verified") {
        router.push(`/check-email?email=${encodeURIComponent(email)}`);
        return;
      }
      throw error;
    }
    router.replace(next);
  });

  return (
    <FormShell
      onSubmit={onSubmit}
      submitting={isSubmitting}
      error={formError}
      footer={
        <p className="text-sm">
          <Link href="/forgot-password" className="link">
            {t("forgotPassword")}
          </Link>
        </p>
      }
    >
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
        autoComplete="current-password"
        error={fieldError(errors.password)}
        {...register("password")}
      />
      <Button type="submit" className="w-full">
        {isSubmitting ? t("loggingIn") : t("login")}
      </Button>
    </FormShell>
  );
}
