import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { expect } from "@playwright/test";

import { MAIL_DIR } from "./settings";

/** Undoes quoted-printable soft line breaks and escapes, in case Django encoded the body. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function messagesTo(address: string): string[] {
  return readdirSync(MAIL_DIR)
    .sort()
    .map((file) => readFileSync(join(MAIL_DIR, file), "utf8"))
    .flatMap((content) => content.split(/^-{79}$/m))
    .filter((message) => message.includes(`To: ${address}`))
    .map(decodeQuotedPrintable);
}

/**
 * Waits for the backend (EMAIL_URL=filemail://) to write a mail to `address` containing a link
 * to `path`, and returns that link as a path + query on this site.
 */
export async function linkFromEmail(address: string, path: string): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"<>]*(${path.replace("/", "\\/")}\\?[^\\s"<>]+)`);
  let link: string | undefined;
  await expect
    .poll(
      () => {
        for (const message of messagesTo(address).reverse()) {
          const match = pattern.exec(message);
          if (match?.[1]) {
            link = match[1].replace(/&amp;/g, "&");
            return true;
          }
        }
        return false;
      },
      { message: `no email to ${address} with a ${path} link in ${MAIL_DIR}`, timeout: 20_000 },
    )
    .toBe(true);
  return link!;
}

/**
 * Waits for a mail to `address` whose body contains `text` and returns it (headers and body).
 * For what a mail says, e.g. its language; links are `linkFromEmail`'s business.
 */
export async function emailContaining(address: string, text: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      () => {
        found = messagesTo(address)
          .reverse()
          .find((message) => message.includes(text));
        return found !== undefined;
      },
      { message: `no email to ${address} containing ${JSON.stringify(text)}`, timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}
