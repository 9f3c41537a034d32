import { z } from "zod";

// Messages are keys of the "validation" namespace in messages/<locale>.json.
// zod's default pattern refuses internationalised domains (bob@bücher.example), which are real
// addresses: the backend stores them in their ASCII form (docs/auth.md). The local part stays
// ASCII, as Django's validator wants; the backend has the last word on the rest.
const EMAIL_PATTERN =
  /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@(?:[\p{L}\p{N}\p{M}-]+\.)+[\p{L}\p{N}\p{M}-]{2,}$/u;
const email = z.email({ message: "email", pattern: EMAIL_PATTERN });
/** An address as the forms accept it, for schemas outside this feature (the account's email change). */
export const emailAddress = email;
const newPassword = z.string().min(8, "passwordTooShort");

/** The backend's limit on first and last names (User.first_name, max_length=150). */
export const NAME_MAX_LENGTH = 150;
const name = z.string().trim().min(1, "required").max(NAME_MAX_LENGTH, "tooLong");

export const loginSchema = z.object({ email, password: z.string().min(1, "required") });

export const registerSchema = z.object({
  firstName: name,
  lastName: name,
  email,
  password: newPassword,
});

export const emailSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ newPassword, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "passwordsDiffer",
    path: ["confirmPassword"],
  });

/** A TOTP code: six digits, which authenticator apps often show as "123 456". */
export const TOTP_CODE_PATTERN = /^\s*\d{3}\s?\d{3}\s*$/;
export const totpCodeSchema = z.object({ code: z.string().regex(TOTP_CODE_PATTERN, "totpCode") });

/** Recovery codes are checked by the backend alone; only an empty one is refused here. */
export const recoveryCodeSchema = z.object({ code: z.string().trim().min(1, "required") });

/** The code as the API takes it: without the spaces people type or paste with it. */
export const compactCode = (code: string) => code.replace(/\s+/g, "");
