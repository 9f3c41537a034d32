"""The admin's look and navigation: django-unfold (docs/editors.md, decision 0028-admin-theme-unfold).

The sidebar is by task (Content, Comments, People, Jobs); each entry shows to those allowed to use it.
"""

from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from config.settings.environment import env

SITE_NAME = env.str("SITE_NAME", default="Starter")


def _can(permission: str):
    return lambda request: request.user.has_perm(permission)


def _item(title: str | Promise, icon: str, url: str, permission: str, **extra: object) -> dict:
    return {"title": title, "icon": icon, "link": reverse_lazy(url), "permission": _can(permission), **extra}


UNFOLD = {
    "SITE_TITLE": SITE_NAME,
    "SITE_HEADER": SITE_NAME,
    "SITE_SUBHEADER": _("Newsroom"),
    "SITE_URL": "/",
    "SITE_LOGO": lambda request: static("common/logo.svg"),
    "SITE_SYMBOL": "newspaper",
    "SITE_FAVICONS": [{"rel": "icon", "type": "image/svg+xml", "href": lambda request: static("common/logo.svg")}],
    "SHOW_HISTORY": True,
    "SHOW_LANGUAGES": True,
    "DASHBOARD_CALLBACK": "apps.content.admin.dashboard.dashboard_context",
    "SIDEBAR": {
        "show_search": True,
        "show_all_applications": False,
        "navigation": [
            {
                "title": _("Content"),
                "items": [
                    {"title": _("Dashboard"), "icon": "dashboard", "link": reverse_lazy("admin:index")},
                    _item(_("Articles"), "article", "admin:content_article_changelist", "content.view_article"),
                    _item(_("Tags"), "sell", "admin:content_tag_changelist", "content.view_tag"),
                    _item(
                        _("Media library"),
                        "photo_library",
                        "admin:uploads_articleimage_changelist",
                        "content.change_article",
                    ),
                ],
            },
            {
                "title": _("Comments"),
                "items": [
                    _item(
                        _("Moderation queue"),
                        "rule",
                        "admin:content_comment_changelist",
                        "content.change_comment",
                        badge="apps.content.admin.dashboard.pending_comments_badge",
                    ),
                ],
            },
            {
                "title": _("People"),
                "items": [
                    _item(_("Users"), "person", "admin:accounts_user_changelist", "accounts.view_user"),
                    _item(_("Roles"), "group", "admin:auth_group_changelist", "auth.view_group"),
                    _item(_("Authenticator apps"), "key", "admin:mfa_totpdevice_changelist", "mfa.view_totpdevice"),
                    _item(_("Passkeys"), "passkey", "admin:mfa_passkey_changelist", "mfa.view_passkey"),
                ],
            },
            {
                "title": _("Jobs"),
                "items": [
                    _item(
                        _("Waiting for the broker"),
                        "pending_actions",
                        "admin:jobs_outboxmessage_changelist",
                        "jobs.view_outboxmessage",
                    ),
                    _item(
                        _("Periodic tasks"),
                        "schedule",
                        "admin:django_celery_beat_periodictask_changelist",
                        "django_celery_beat.view_periodictask",
                    ),
                    _item(_("Exports"), "download", "admin:exports_export_changelist", "exports.view_export"),
                    _item(_("Uploads"), "upload", "admin:uploads_upload_changelist", "uploads.view_upload"),
                ],
            },
        ],
    },
}
