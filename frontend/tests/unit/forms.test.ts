import { ApiError } from "@/lib/api/errors";
import { applyServerErrors } from "@/lib/forms";

type Values = { email: string; password: string };
const fields = ["email", "password"] as const;
const translate = (code: string, fallback: string) =>
  code === "invalid_credentials" ? "Wrong email or password (translated)." : fallback;

const validation = (errors: ApiError["fieldErrors"]) =>
  new ApiError({
    status: 400,
    code: "validation_error",
    detail: "Invalid input.",
    fieldErrors: errors,
  });

test("field errors land on their fields, one message per field", () => {
  const setError = jest.fn();

  const formError = applyServerErrors<Values>(
    validation([
      { field: "password", code: "password_too_common", message: "This password is too common." },
      { field: "email", code: "unique", message: "A user with that email already exists." },
      { field: "email", code: "invalid", message: "A second email message." },
    ]),
    { fields, setError, translate },
  );

  expect(formError).toBeNull();
  expect(setError).toHaveBeenCalledTimes(2);
  expect(setError).toHaveBeenCalledWith("email", {
    type: "server",
    message: "A user with that email already exists.",
  });
  expect(setError).toHaveBeenCalledWith("password", {
    type: "server",
    message: "This password is too common.",
  });
});

test("non-field errors and errors for fields the form lacks go to the top of the form", () => {
  const setError = jest.fn();

  const formError = applyServerErrors<Values>(
    validation([
      { field: null, code: "invalid", message: "The two passwords differ." },
      { field: "tags.0", code: "invalid", message: "Unknown tag." },
    ]),
    { fields, setError, translate },
  );

  expect(setError).not.toHaveBeenCalled();
  expect(formError).toBe("The two passwords differ. Unknown tag.");
});

test("an error without field errors is translated by its code", () => {
  const setError = jest.fn();
  const error = new ApiError({
    status: 401,
    code: "invalid_credentials",
    detail: "No active account.",
  });

  expect(applyServerErrors<Values>(error, { fields, setError, translate })).toBe(
    "Wrong email or password (translated).",
  );
  expect(setError).not.toHaveBeenCalled();
});

test("an untranslated code falls back to the backend's detail", () => {
  const error = new ApiError({
    status: 409,
    code: "brand_new_code",
    detail: "Backend explanation.",
  });

  expect(applyServerErrors<Values>(error, { fields, setError: jest.fn(), translate })).toBe(
    "Backend explanation.",
  );
});
