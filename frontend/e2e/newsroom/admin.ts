import { expect, type Page } from "@playwright/test";

import { djangoShell } from "../backend-shell";
import { backendText } from "../backend-texts";
import { BACKEND_URL } from "../settings";

/** The Django admin of the e2e backend (DJANGO_ADMIN_URL is not set in this suite). */
export const ADMIN_URL = `${BACKEND_URL}/admin`;

const PASSWORD = "newsroom-e2e-password";

export type NewsroomMember = { email: string; firstName: string; role: "Authors" | "Editors" };

/**
 * Verified accounts with a newsroom role, given as an administrator does (`manage.py role_assign`,
 * which also makes them staff). One shell for all of them: each start of Django costs seconds.
 */
export function newsroomMembersCreate(members: NewsroomMember[]): void {
  djangoShell(`
import json
from django.core.management import call_command
from apps.accounts.models import User
for member in json.loads(${JSON.stringify(JSON.stringify(members))}):
    user, _ = User.objects.update_or_create(
        email=member["email"],
        defaults={"first_name": member["firstName"], "is_active": True, "is_email_verified": True},
    )
    user.set_password("${PASSWORD}")
    user.save()
    call_command("role_assign", member["email"], member["role"])
`);
}

/** Signs in through the admin's login form (no second factor: ADMIN_REQUIRE_2FA is off here). */
export async function adminSignIn(page: Page, email: string): Promise<void> {
  await page.goto(`${ADMIN_URL}/login/`);
  await page.getByLabel(backendText("email address")).fill(email);
  await page.getByLabel(backendText("Password")).fill(PASSWORD);
  await page.getByRole("button", { name: backendText("Log in") }).click();
  await expect(page.getByRole("heading", { name: backendText("My drafts") })).toBeVisible();
}

/** The status the article's change page shows (read-only there), e.g. "Published". */
export function articleStatus(page: Page) {
  return page.locator(".article-status");
}
