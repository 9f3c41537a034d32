// [copier] if lang_de
import de from "../../messages/de.json";
// [copier] end
import en from "../../messages/en.json";

// Codes the backend can send as a problem's `code` (grep -rn 'code="' backend/apps backend/config),
// beyond the contract list in messages.test.ts. Generic field codes (blank, empty, invalid,
// required) keep the backend's own message, which names the field's problem precisely.
const backendCodes = [
  "bad_request",
  "upload_incomplete",
  "upload_size_mismatch",
  "upload_expired",
  "upload_not_ready",
  "invalid_image",
  "password_changed",
  "user_inactive",
  "user_not_found",
  // [copier] if social
  "last_login_method",
  // [copier] end
  "origin_not_allowed",
  "parse_error",
  "method_not_allowed",
  "payload_too_large",
  "unsupported_media_type",
];

const CATALOGS: [string, { errors: object }][] = [["en", en]];
// [copier] if lang_de
CATALOGS.push(["de", de]);
// [copier] end

test.each(CATALOGS)("every backend error code has a %s message", (_, messages) => {
  expect(backendCodes.filter((code) => !(code in messages.errors))).toEqual([]);
});
