// [copier] if lang_de
import de from "../../messages/de.json";
// [copier] end
import en from "../../messages/en.json";

// English is the source catalog (its keys type the messages) in every project, German only
// where the site offers it (docs/template.md).
const CATALOGS: object[] = [en];
// [copier] if lang_de
CATALOGS.push(de);
// [copier] end

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? keys(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

// [copier] if lang_de
test("every locale has exactly the English keys", () => {
  expect(keys(de).sort()).toEqual(keys(en).sort());
});
// [copier] end

test("no message is left empty", () => {
  for (const messages of CATALOGS) {
    const empty = keys(messages).filter((key) => {
      const value = key
        .split(".")
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
      return typeof value !== "string" || value.trim() === "";
    });
    expect(empty).toEqual([]);
  }
});

test("every error code in the API contract has an English message", () => {
  const contractCodes = [
    "validation_error",
    "parse_error",
    "invalid_credentials",
    "not_authenticated",
    "token_not_valid",
    "email_not_verified",
    "permission_denied",
    "not_found",
    "method_not_allowed",
    "conflict",
    "export_in_progress",
    "payload_too_large",
    "unsupported_media_type",
    "throttled",
    "server_error",
    "invalid_token",
  ];
  expect(contractCodes.filter((code) => !(code in en.errors))).toEqual([]);
});
