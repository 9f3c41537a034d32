"use client";

import { useSearchParams } from "next/navigation";
import { useState, type ReactNode } from "react";

import { useRouter } from "@/i18n/navigation";
import type { MfaChallenge } from "@/lib/api/types";
import { safeNextPath } from "@/lib/safe-next";

import { LoginForm } from "./login-form";
import { PasskeyLoginButton } from "./passkey-login-button";
import { SecondFactorStep } from "./second-factor-step";

/**
 * The login page's client part: the password form and the passkey button, then, for an account
 * with a second factor, the second step in their place. `children` (provider buttons, the sign-up
 * link) show with the first step only.
 */
export function LoginFlow({ children }: { children?: ReactNode }) {
  const router = useRouter();
  const next = safeNextPath(useSearchParams().get("next"));
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const [restarted, setRestarted] = useState(false);
  const done = () => router.replace(next);

  if (challenge) {
    return (
      <SecondFactorStep
        challenge={challenge}
        onSignedIn={done}
        onRestart={() => {
          setChallenge(null);
          setRestarted(true);
        }}
      />
    );
  }
  return (
    <>
      <LoginForm next={next} onChallenge={setChallenge} focusOnMount={restarted} />
      <PasskeyLoginButton onSignedIn={done} />
      {children}
    </>
  );
}
