import { djangoShell } from "./backend-shell";
import { escaped } from "./messages";

/** The backend's texts the specs look for (the admin's, an email's), by their msgids: Django's, unfold's and ours. */
const MSGIDS = [
  "email address",
  "Password",
  "Log in",
  "My drafts",
  "title",
  "body",
  "Save",
  "Save and continue editing",
  "The {name} “{obj}” was changed successfully.",
  "The {name} “{obj}” was changed successfully. You may edit it again below.",
  "Workflow",
  "Go",
  "Schedule",
  "Submit for review",
  "In review",
  "Scheduled",
  "Published",
  "“%(title)s” is now “%(status)s”.",
  "Back to the article",
  "Preview on site",
  "Compare the selected versions",
  "Back to the history",
  "Revert to this",
  "Revert",
  "Describe the image",
  "Alt text: what the image shows, for readers who cannot see it",
  "Insert",
  "Alt text is required.",
  "%(words)s words · %(minutes)s min read",
  "Reverted: the old version is now the newest.",
  "Reverted to version %(version)s",
  "Someone signed in to your account asked to change its email address to %(new_email)s. Nothing changes until the link we sent to that address is followed.",
  "Someone else saved this article while you were editing it. Their changes are below; your text is still in the form. Merge what you need and save again: that save replaces their version.",
] as const;

export type BackendMsgid = (typeof MSGIDS)[number];

let texts: Record<BackendMsgid, string> | undefined;

/**
 * A text as the e2e backend shows or sends it: Django's own gettext in the backend's default
 * language (LANGUAGE_CODE: the admin's for a browser in none of LANGUAGES, and new accounts'
 * emails'), in one Django shell on first use. The msgid itself in English; German in a German-only project.
 * `%(name)s` arguments are filled in from `args`.
 */
export function backendText(msgid: BackendMsgid, args: Record<string, string> = {}): string {
  texts ??= JSON.parse(
    djangoShell(`
import json
from django.conf import settings
from django.utils.translation import gettext, override
with override(settings.LANGUAGE_CODE):
    print(json.dumps({m: gettext(m) for m in json.loads(${JSON.stringify(JSON.stringify(MSGIDS))})}))
`),
  ) as Record<BackendMsgid, string>;
  return Object.entries(args).reduce(
    (text, [name, value]) => text.replace(`%(${name})s`, value),
    texts[msgid],
  );
}

/** A form field's label as Django shows it: the model field's verbose name, first letter up. */
export function fieldLabel(msgid: "title" | "body"): string {
  const text = backendText(msgid);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The longest stretch of a message between its arguments, for arguments a test cannot know. */
export function fragment(msgid: BackendMsgid): RegExp {
  const pieces = backendText(msgid).split(/\{\w+\}|%\(\w+\)s/);
  const longest = pieces.reduce((a, b) => (b.length > a.length ? b : a), "");
  return new RegExp(escaped(longest));
}

/** A label as a whole name, with the required-field star some show. */
export function wholeLabel(text: string): RegExp {
  return new RegExp(`^${escaped(text)}\\*?$`);
}
