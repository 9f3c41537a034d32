"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

import { Button } from "@/components/ui/button";
import { FormShell } from "@/components/ui/form-shell";
import { TextField } from "@/components/ui/text-field";
import { Link, useRouter } from "@/i18n/navigation";
import { toApiError } from "@/lib/api/errors";
import type { MfaChallenge } from "@/lib/api/types";
import { useApiForm } from "@/lib/use-api-form";

import { loginSchema } from "../schemas";
import { useSession, type LoginOutcome } from "../session";

/**
 * The password step. An account with a second factor answers with a challenge, which
 * `onChallenge` takes to the next step (see LoginFlow); otherwise the user is signed in.
 */
export function LoginForm({
  next,
  onChallenge,
  focusOnMount = false,
}: {
  next: string;
  onChallenge: (challenge: MfaChallenge) => void;
  /** Back from the second step: the email field takes the focus the step's controls had. */
  focusOnMount?: boolean;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const { login } = useSession();
  const { form, submit, formError, fieldError } = useApiForm(loginSchema, {
    email: "",
    password: "",
  });
  const {
    register,
    setFocus,
    formState: { errors, isSubmitting },
  } = form;

  useEffect(() => {
    if (focusOnMount) setFocus("email");
  }, [focusOnMount, setFocus]);

  const onSubmit = submit(async ({ email, password }) => {
    let outcome: LoginOutcome;
    try {
      outcome = await login(email, password);
    } catch (error) {
      // Unverified accounts get a direct way to ask for a new link instead of a dead end.
      if (toApiError(error).code === "email_not_verified") {
        router.push(`/check-email?email=${encodeURIComponent(email)}`);
        return;
      }
      throw error;
    }
    if (outcome.challenge) onChallenge(outcome.challenge);
    else router.replace(next);
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
