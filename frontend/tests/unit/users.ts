import type { User } from "@/lib/api/types";

/** A signed-in user with a password, as /users/me/ returns one. */
export const ada: User = {
  id: 1,
  email: "ada@example.com",
  firstName: "Ada",
  lastName: "Lovelace",
  isEmailVerified: true,
  dateJoined: "2026-01-01T00:00:00Z",
  hasPassword: true,
  avatar: null,
  language: "en",
};
