"""The sections this app knows itself: the account, its avatar, and comments and history when apps.content is on."""

from django.apps import apps
from django.db.models import Q

from apps.accounts.models import User
from apps.exports.registry import ExportArchive, export_section_register


def account_write(*, user: User, archive: ExportArchive) -> None:
    archive.write_json(
        "account.json",
        {
            "id": user.pk,
            "email": user.email,
            "firstName": user.first_name,
            "lastName": user.last_name,
            "isEmailVerified": user.is_email_verified,
            "language": user.language,
            "dateJoined": user.date_joined,
            "lastLogin": user.last_login,
            # [copier] if social
            "socialAccounts": [
                {"provider": account.provider, "uid": account.uid, "created": account.created}
                for account in user.social_auth.all()
            ],
            # [copier] end
        },
    )


def avatar_write(*, user: User, archive: ExportArchive) -> None:
    if not user.avatar:
        return
    name = user.avatar.name or ""
    extension = name.rsplit(".", 1)[-1] if "." in name else "bin"
    with user.avatar.open("rb") as stream:
        archive.write_stream(f"avatar.{extension}", stream)


def comments_write(*, user: User, archive: ExportArchive) -> None:
    comment_model = apps.get_model("content", "Comment")
    comments = comment_model.objects.filter(author=user).select_related("article").order_by("created_at")
    archive.write_json(
        "comments.json",
        [
            {
                "id": comment.pk,
                "article": {"slug": comment.article.slug, "title": comment.article.title},
                "body": comment.body,
                "state": comment.state,
                "createdAt": comment.created_at,
                "editedAt": comment.edited_at,
            }
            for comment in comments
        ],
    )


# What each versioned model's entries show of the object (docs/editors.md "History").
_HISTORY_FIELDS = {
    "Article": ("title", "slug", "summary", "body", "status", "publish_at"),
    "Tag": ("name", "slug"),
    "Comment": ("article_id", "body", "state", "edited_at"),
}


def history_write(*, user: User, archive: ExportArchive) -> None:
    """The versions this user made (as editor or commenter), and every version of their own comments."""
    entries = []
    for model_name, fields in _HISTORY_FIELDS.items():
        history = apps.get_model("content", model_name).history
        mine = Q(history_user=user) | (Q(author_id=user.pk) if model_name == "Comment" else Q())
        for version in history.filter(mine).order_by("history_date", "history_id"):
            entries.append(
                {
                    "model": model_name.lower(),
                    "objectId": version.id,
                    "date": version.history_date,
                    "change": {"+": "created", "~": "changed", "-": "deleted"}[version.history_type],
                    "byYou": version.history_user_id == user.pk,
                    "reason": version.history_change_reason,
                    "fields": {name: getattr(version, name) for name in fields},
                }
            )
    archive.write_json("history.json", sorted(entries, key=lambda entry: entry["date"]))


export_section_register(name="account", write=account_write)
export_section_register(name="avatar", write=avatar_write)
if apps.is_installed("apps.content"):
    export_section_register(name="comments", write=comments_write)
    export_section_register(name="history", write=history_write)
