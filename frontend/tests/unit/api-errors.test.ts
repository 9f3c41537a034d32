import { ApiError, parseRetryAfter, toApiError } from "@/lib/api/errors";

// A production build can hold two copies of errors.ts (one inlined into the API client's chunk),
// so errors made by one copy must still be recognised by the other.
function otherCopy(): typeof import("@/lib/api/errors") {
  let copy: typeof import("@/lib/api/errors") | undefined;
  jest.isolateModules(() => {
    copy = jest.requireActual<typeof import("@/lib/api/errors")>("@/lib/api/errors");
  });
  return copy!;
}

test("an ApiError from another copy of the module is still an ApiError", () => {
  const copy = otherCopy();
  expect(copy.ApiError).not.toBe(ApiError);
  const error = new copy.ApiError({ status: 404, code: "not_found", detail: "Not found." });

  expect(error instanceof ApiError).toBe(true);
  expect(toApiError(error)).toBe(error);
  expect(toApiError(error).status).toBe(404);
});

test("other errors are not ApiErrors", () => {
  expect(new Error("x") instanceof ApiError).toBe(false);
  expect(toApiError(new Error("offline")).status).toBe(0);
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-12-06T03:00:00Z");

  test.each([
    ["139", 139],
    [" 0 ", 0],
    ["Sun, 06 Dec 2026 03:02:19 GMT", 139],
    ["Sun, 06 Dec 2026 02:00:00 GMT", 0],
    ["soon", null],
    ["", null],
    [undefined, null],
  ])("%p is %p seconds", (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});
