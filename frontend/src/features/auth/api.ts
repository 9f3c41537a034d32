import { apiClient } from "@/lib/api/client";
import type { PasswordResetConfirmInput, RegisterInput } from "@/lib/api/types";

export async function register(input: RegisterInput): Promise<void> {
  await apiClient.POST("/api/v1/auth/register/", { body: input });
}

export async function verifyEmail(token: string): Promise<void> {
  await apiClient.POST("/api/v1/auth/verify-email/", { body: { token } });
}

export async function resendVerificationEmail(email: string): Promise<void> {
  await apiClient.POST("/api/v1/auth/verify-email/resend/", { body: { email } });
}

export function login(email: string, password: string) {
  // A 401 here means wrong credentials, not an expired token: never refresh.
  return apiClient.POST("/api/v1/auth/login/", {
    body: { email, password },
    skipAuthRefresh: true,
  });
}

export async function logout(): Promise<void> {
  await apiClient.POST("/api/v1/auth/logout/", { skipAuthRefresh: true });
}

export async function requestPasswordReset(email: string): Promise<void> {
  await apiClient.POST("/api/v1/auth/password/reset/", { body: { email } });
}

export async function confirmPasswordReset(body: PasswordResetConfirmInput): Promise<void> {
  await apiClient.POST("/api/v1/auth/password/reset/confirm/", { body });
}

export function getMe() {
  return apiClient.GET("/api/v1/users/me/");
}

export function listSocialProviders() {
  return apiClient.GET("/api/v1/auth/social/providers/");
}
