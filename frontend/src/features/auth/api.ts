import { api } from "@/lib/api/client";
import type { User } from "@/lib/api/types";

export type RegisterInput = {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
};
export type LoginResult = { access: string; user: User };
export type SocialProvider = { id: string; name: string; loginUrl: string };

export async function register(input: RegisterInput): Promise<void> {
  await api.post("/v1/auth/register/", input);
}

export async function verifyEmail(token: string): Promise<void> {
  await api.post("/v1/auth/verify-email/", { token });
}

export async function resendVerificationEmail(email: string): Promise<void> {
  await api.post("/v1/auth/verify-email/resend/", { email });
}

export async function login(email: string, password: string): Promise<LoginResult> {
  // A 401 here means wrong credentials, not an expired token: never refresh.
  const response = await api.post<LoginResult>(
    "/v1/auth/login/",
    { email, password },
    { skipAuthRefresh: true },
  );
  return response.data;
}

export async function logout(): Promise<void> {
  await api.post("/v1/auth/logout/", null, { skipAuthRefresh: true });
}

export async function requestPasswordReset(email: string): Promise<void> {
  await api.post("/v1/auth/password/reset/", { email });
}

export async function confirmPasswordReset(input: {
  uid: string;
  token: string;
  newPassword: string;
}): Promise<void> {
  await api.post("/v1/auth/password/reset/confirm/", input);
}

export async function getMe(): Promise<User> {
  return (await api.get<User>("/v1/users/me/")).data;
}

export async function listSocialProviders(): Promise<SocialProvider[]> {
  return (await api.get<SocialProvider[]>("/v1/auth/social/providers/")).data;
}
