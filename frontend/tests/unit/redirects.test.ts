import { loginPath } from "@/features/auth/login-path";
import { safeNextPath } from "@/lib/safe-next";

describe("safeNextPath", () => {
  test.each(["/account", "/articles/a?x=1", "/"])("keeps the local path %s", (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  test.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "",
    null,
  ])("replaces %p with the fallback", (next) => {
    expect(safeNextPath(next, "/home")).toBe("/home");
  });
});

describe("loginPath", () => {
  test("the default locale has no prefix", () => {
    expect(loginPath("en", "/account?tab=1")).toBe("/login?next=%2Faccount%3Ftab%3D1");
  });

  test("other locales keep their prefix on login and drop it from next", () => {
    expect(loginPath("de", "/de/account")).toBe("/de/login?next=%2Faccount");
    expect(loginPath("de", "/de")).toBe("/de/login?next=%2F");
  });

  test("a path that merely starts with the locale letters is left alone", () => {
    expect(loginPath("de", "/delete-me")).toBe("/de/login?next=%2Fdelete-me");
  });
});
