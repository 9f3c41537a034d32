from typing import Any

from django.db import migrations, models


def copy_tags_onto_articles(apps: Any, schema_editor: Any) -> None:
    Article = apps.get_model("content", "Article")
    alias = schema_editor.connection.alias
    tagged: dict[int, list[dict[str, str]]] = {}
    links = Article.tags.through.objects.using(alias).order_by("tag__name")
    for article_id, slug, name in links.values_list("article_id", "tag__slug", "tag__name").iterator():
        tagged.setdefault(article_id, []).append({"slug": slug, "name": name})
    Article.objects.using(alias).bulk_update(
        [Article(pk=pk, tag_list=tags) for pk, tags in tagged.items()], ["tag_list"], batch_size=500
    )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_article_comment_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="tag_list",
            field=models.JSONField(default=list, editable=False, verbose_name="tags as listed"),
        ),
        migrations.RunPython(copy_tags_onto_articles, migrations.RunPython.noop),
    ]
