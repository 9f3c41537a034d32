"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Link } from "@/i18n/navigation";
import { toApiError } from "@/lib/api/errors";
import { useTranslateError } from "@/lib/use-translate-error";

import { verifyEmail } from "../api";
import { ResendVerificationForm } from "./resend-verification-form";

type State =
  { status: "verifying" } | { status: "verified" } | { status: "failed"; message: string };

/** Spends the token from the email link once, then offers login or a new link. */
export function VerifyEmail({ token }: { token: string | null }) {
  const t = useTranslations("auth");
  const translate = useTranslateError();
  const [state, setState] = useState<State>(() =>
    token ? { status: "verifying" } : { status: "failed", message: translate("invalid_token", "") },
  );
  // Tokens are single-use; React's development double-effect must not spend it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verifyEmail(token)
      .then(() => setState({ status: "verified" }))
      .catch((error: unknown) => {
        const apiError = toApiError(error);
        setState({ status: "failed", message: translate(apiError.code, apiError.detail) });
      });
  }, [token, translate]);

  if (state.status === "verifying") return <p role="status">{t("verifying")}</p>;
  if (state.status === "verified") {
    return (
      <Alert tone="success">
        {t("emailVerified")}{" "}
        <Link href="/login" className="link">
          {t("login")}
        </Link>
      </Alert>
    );
  }
  return (
    <div className="space-y-6">
      <Alert tone="error">{state.message}</Alert>
      <ResendVerificationForm />
    </div>
  );
}
