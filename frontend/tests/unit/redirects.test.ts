import { loginPath } from "@/features/auth/login-path";
import { routing } from "@/i18n/routing";
import { safeNextPath } from "@/lib/safe-next";

describe("safeNextPath", () => {
  test.each(["/account", "/articles/a?x=1", "/", "/de/account", "/account?tab=1#danger-zone"])(
    "keeps the local path %s",
    (path) => {
      expect(safeNextPath(path)).toBe(path);
    },
  );

  test.each([
    ["/a/../account", "/account"],
    ["/articles/ä?q=a b#ü", "/articles/%C3%A4?q=a%20b#%C3%BC"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
  ])("returns %p normalised as %p (still a path on this site)", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  test.each([
    "https://evil.example/",
    "http://x.invalid/account",
    "//evil.example/x",
    "///evil.example",
    "/\\evil.example",
    "\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/account\u0000",
    "/account\u007f",
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "https:evil.example",
    "https:/evil.example",
    "evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "%2F%2Fevil.example",
    "?next=x",
    "#top",
    `/${"a".repeat(5000)}`,
    "",
    null,
    undefined,
  ])("replaces %p with the fallback", (next) => {
    expect(safeNextPath(next, "/home")).toBe("/home");
  });
});

describe("loginPath", () => {
  test("the default locale has no prefix", () => {
    expect(loginPath(routing.defaultLocale, "/account?tab=1")).toBe(
      "/login?next=%2Faccount%3Ftab%3D1",
    );
  });

  // [copier] if lang_both
  test("other locales keep their prefix on login and drop it from next", () => {
    expect(loginPath("de", "/de/account")).toBe("/de/login?next=%2Faccount");
    expect(loginPath("de", "/de")).toBe("/de/login?next=%2F");
  });

  test("a path that merely starts with the locale letters is left alone", () => {
    expect(loginPath("de", "/delete-me")).toBe("/de/login?next=%2Fdelete-me");
  });
  // [copier] end
});
