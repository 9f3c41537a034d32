import type { ReactElement, ReactNode } from "react";

import HomePage from "@/app/[locale]/(marketing)/page";
// [copier] if social
import AuthCallbackPage from "@/app/[locale]/(auth)/auth/callback/page";
// [copier] end
// [copier] if social
import LoginPage from "@/app/[locale]/(auth)/login/page";
// [copier] end
import CheckEmailPage from "@/app/[locale]/(auth)/check-email/page";
import ResetPasswordPage from "@/app/[locale]/(auth)/reset-password/page";
import VerifyEmailPage from "@/app/[locale]/(auth)/verify-email/page";
// [copier] if social
import { AuthCallback } from "@/features/auth/components/auth-callback";
import { SocialLoginButtons } from "@/features/auth/components/social-login-buttons";
// [copier] end
import { ResendVerificationForm } from "@/features/auth/components/resend-verification-form";
import { ResetPasswordForm } from "@/features/auth/components/reset-password-form";
import { VerifyEmail } from "@/features/auth/components/verify-email";
import { safeNextPath } from "@/lib/safe-next";
import { firstParam } from "@/lib/search-params";

import { http, server } from "./server";

// Pages are called as async functions; their server-only dependencies are stubbed.
jest.mock("@/i18n/page-locale", () => ({ resolveLocale: async () => "en" }));
jest.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
jest.mock("@/i18n/navigation", () => jest.requireActual("./navigation-mock").navigationMock);
// Outside Next.js there is no data cache: reads go straight to the (mocked) backend.
jest.mock("next/cache", () => ({ unstable_cache: (read: unknown) => read }));

const params = Promise.resolve({ locale: "en" });

/** Depth-first search of a rendered (not mounted) element tree for an element of `type`. */
function findElement(node: ReactNode, type: unknown): ReactElement<Record<string, unknown>> {
  const found = search(node);
  if (!found) throw new Error("element not found");
  return found;

  function search(n: ReactNode): ReactElement<Record<string, unknown>> | undefined {
    if (Array.isArray(n)) {
      for (const child of n) {
        const hit = search(child as ReactNode);
        if (hit) return hit;
      }
      return undefined;
    }
    if (!n || typeof n !== "object" || !("props" in n)) return undefined;
    const element = n as ReactElement<Record<string, unknown>>;
    if (element.type === type) return element;
    return search(element.props.children as ReactNode);
  }
}

describe("firstParam", () => {
  test.each([
    ["a", "a"],
    [["a", "b"], "a"],
    [[], undefined],
    [undefined, undefined],
    [null, undefined],
    ["", ""],
  ])("firstParam(%p) is %p", (value, expected) => {
    expect(firstParam(value)).toBe(expected);
  });
});

describe("safeNextPath with a repeated parameter", () => {
  test("uses the first value", () => {
    expect(safeNextPath(["/account", "/other"])).toBe("/account");
  });

  test("checks the first value like any other", () => {
    expect(safeNextPath(["//evil.example", "/account"], "/home")).toBe("/home");
    expect(safeNextPath([], "/home")).toBe("/home");
  });
});

describe("pages given a repeated query parameter", () => {
  test("the home page searches for the first ?search= value", async () => {
    const queries: string[] = [];
    server.use(
      http.get("/api/v1/articles/", ({ request, response }) => {
        queries.push(`${new URL(request.url).search} ${request.headers.get("Accept-Language")}`);
        return response(200).json({ count: 0, next: null, previous: null, results: [] });
      }),
      http.get("/api/v1/tags/", ({ response }) => response(200).json([{ slug: "x", name: "X" }])),
    );

    await HomePage({
      params,
      searchParams: Promise.resolve({ search: [" a ", "b"], tag: ["x", "y"], page: ["2", "3"] }),
    });

    expect(queries).toEqual(["?pageSize=10&page=2&tag=x&search=a en"]);
  });

  // [copier] if social
  test("the login page passes the first safe ?next= value on", async () => {
    const page = await LoginPage({
      params,
      searchParams: Promise.resolve({ next: ["/account", "/other"] }),
    });

    expect(findElement(page, SocialLoginButtons).props.next).toBe("/account");
  });

  test("the social login callback page passes the first values on", async () => {
    const page = await AuthCallbackPage({
      params,
      searchParams: Promise.resolve({ next: ["/account", "/x"], error: ["denied", "x"] }),
    });

    expect(findElement(page, AuthCallback).props).toEqual({
      next: "/account",
      error: "denied",
      challenge: null,
    });
  });

  test("the social login callback page takes the first MFA ticket and its methods", async () => {
    const page = await AuthCallbackPage({
      params,
      searchParams: Promise.resolve({ mfa: ["t-1", "t-2"], methods: "totp,recoveryCode" }),
    });

    expect(findElement(page, AuthCallback).props.challenge).toEqual({
      ticket: "t-1",
      methods: ["totp", "recoveryCode"],
    });
  });
  // [copier] end

  test("the reset password page uses the first uid and token", async () => {
    const page = await ResetPasswordPage({
      params,
      searchParams: Promise.resolve({ uid: ["u1", "u2"], token: ["t1", "t2"] }),
    });

    expect(findElement(page, ResetPasswordForm).props).toEqual({ uid: "u1", token: "t1" });
  });

  test("the email pages use the first token and address", async () => {
    const verify = await VerifyEmailPage({
      params,
      searchParams: Promise.resolve({ token: ["t1", "t2"] }),
    });
    expect(findElement(verify, VerifyEmail).props.token).toBe("t1");

    const check = await CheckEmailPage({
      params,
      searchParams: Promise.resolve({ email: ["a@example.com", "b@example.com"] }),
    });
    expect(findElement(check, ResendVerificationForm).props.email).toBe("a@example.com");
  });
});
