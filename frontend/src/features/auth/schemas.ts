import { z } from "zod";

// Messages are keys of the "validation" namespace in messages/<locale>.json.
const email = z.email("email");
const newPassword = z.string().min(8, "passwordTooShort");

export const loginSchema = z.object({ email, password: z.string().min(1, "required") });

export const registerSchema = z.object({
  firstName: z.string().trim().min(1, "required").max(150, "tooLong"),
  lastName: z.string().trim().min(1, "required").max(150, "tooLong"),
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
