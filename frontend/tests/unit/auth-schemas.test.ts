import { emailSchema, loginSchema } from "@/features/auth/schemas";

test.each(["ada@example.com", "bob@bücher.example", "bob@xn--bcher-kva.example"])(
  "%s is an address the form sends on",
  (email) => {
    expect(emailSchema.safeParse({ email }).success).toBe(true);
    expect(loginSchema.safeParse({ email, password: "x" }).success).toBe(true);
  },
);

test.each([
  "",
  "ada",
  "ada@",
  "@example.com",
  "ada@example",
  "ada example@example.com",
  "ünal@example.com",
])("%j is refused with the translated 'email' message", (email) => {
  const result = emailSchema.safeParse({ email });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.message).toBe("email");
});
