"""The newsroom's roles as groups: Authors, Editors and Moderators (docs/editors.md).

- Authors write and submit their own articles (the admin and the services keep them to their own).
- Editors review, schedule, publish, unpublish and archive anyone's articles, manage tags and,
  as before this migration, may moderate comments too (deleting an article deletes its comments).
- Moderators handle comments and may look at articles, nothing else.

Assign them with ``manage.py role_assign`` (``make role``). Re-running sets each group's
permissions to exactly these lists.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Authors": ["add_article", "change_article", "view_article", "view_tag"],
    "Editors": [
        *(
            f"{action}_{model}"
            for model in ("article", "tag", "comment")
            for action in ("add", "change", "delete", "view")
        ),
        "review_article",
    ],
    "Moderators": ["view_article", "view_comment", "change_comment", "delete_comment"],
}
# The Editors group of migration 0003, restored on the way back.
OLD_EDITORS = [
    f"{action}_{model}" for model in ("article", "tag", "comment") for action in ("add", "change", "delete", "view")
]


def _permissions_create(apps):
    # Permissions are normally created after all migrations ran; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _groups_set(apps, roles):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(content_type__app_label="content", codename__in=codenames))


def roles_create(apps, schema_editor):
    _permissions_create(apps)
    _groups_set(apps, ROLES)


def roles_delete(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Authors", "Moderators"]).delete()
    _groups_set(apps, {"Editors": OLD_EDITORS})


class Migration(migrations.Migration):
    dependencies = [("content", "0011_workflow")]

    operations = [migrations.RunPython(roles_create, roles_delete)]
