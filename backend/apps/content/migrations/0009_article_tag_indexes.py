"""Indexes that let a tag filter's total be read from indexes alone (docs/benchmarks.md, "At scale").

- ``content_article_tags_tag_article_idx``: the links by ``(tag_id, article_id)``; Django's own
  index is on ``tag_id`` only, so each of a tag's links was a heap read. The through table is
  created by Django (no Meta to declare it in), so the index is added with the schema editor.
- ``content_article_live_id_idx`` (declared on Article): live articles by id with the publish time.
"""

from django.conf import settings
from django.db import migrations, models

LINK_INDEX = models.Index(fields=["tag", "article"], name="content_article_tags_tag_article_idx")


def add_link_index(apps, schema_editor):
    schema_editor.add_index(apps.get_model("content", "Article").tags.through, LINK_INDEX)


def remove_link_index(apps, schema_editor):
    schema_editor.remove_index(apps.get_model("content", "Article").tags.through, LINK_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0008_article_search_vector"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("status__in", ["published", "scheduled"])),
                fields=["id"],
                include=("publish_at",),
                name="content_article_live_id_idx",
            ),
        ),
        migrations.RunPython(add_link_index, remove_link_index),
    ]
