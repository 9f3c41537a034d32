import { z } from "zod";

// Messages are keys of the "validation" namespace in messages/<locale>.json.
export const profileSchema = z.object({
  firstName: z.string().trim().min(1, "required").max(150, "tooLong"),
  lastName: z.string().trim().min(1, "required").max(150, "tooLong"),
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

export const deleteAccountSchema = z.object({ password: z.string().min(1, "required") });

/** Mirrors the backend's avatar limits so users learn about a bad file before uploading it. */
export const AVATAR_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
