import { z } from "zod";

import { emailAddress, NAME_MAX_LENGTH } from "@/features/auth/schemas";

// Messages are keys of the "validation" namespace in messages/<locale>.json.
export const profileSchema = z.object({
  firstName: z.string().trim().min(1, "required").max(NAME_MAX_LENGTH, "tooLong"),
  lastName: z.string().trim().min(1, "required").max(NAME_MAX_LENGTH, "tooLong"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "required"),
    newPassword: z.string().min(8, "passwordTooShort"),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "passwordsDiffer",
    path: ["confirmPassword"],
  });

/** The backend's limit on addresses (User.email, max_length=254). */
export const EMAIL_MAX_LENGTH = 254;

export const changeEmailSchema = (currentEmail: string) =>
  z.object({
    newEmail: emailAddress
      .max(EMAIL_MAX_LENGTH, "tooLong")
      .refine((typed) => emailKey(typed) !== emailKey(currentEmail), "emailUnchanged"),
    password: z.string().min(1, "required"),
  });

export const deleteAccountSchema = z.object({ password: z.string().min(1, "required") });

/** An account without a password (it signs in otherwise) confirms its deletion by typing its address. */
export const deleteAccountByEmailSchema = (email: string) =>
  z.object({
    email: z
      .string()
      .trim()
      .min(1, "required")
      .refine((typed) => emailKey(typed) === emailKey(email), "emailMismatch"),
  });

/**
 * One key for every spelling of an address: case and surrounding spaces aside, and with an
 * internationalised domain in its ASCII form (bücher.example -> xn--bcher-kva.example), so the
 * Unicode and the ASCII spelling of the address both confirm.
 */
export function emailKey(address: string): string {
  const lowered = address.trim().toLowerCase();
  const at = lowered.lastIndexOf("@");
  const domain = lowered.slice(at + 1);
  if (at < 0 || !/\P{ASCII}/u.test(domain)) return lowered;
  try {
    return `${lowered.slice(0, at)}@${new URL(`http://${domain}`).hostname}`;
  } catch {
    return lowered; // not a valid hostname: then it matches only as typed
  }
}

/** Mirrors the backend's avatar limits so users learn about a bad file before uploading it. */
export const AVATAR_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
