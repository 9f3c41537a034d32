import { ApiError, toApiError } from "@/lib/api/errors";

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
