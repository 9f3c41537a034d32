"""The search document becomes a stored column (``Article.search_vector``), GIN-indexed.

Replaces the expression index of migration 0002: ranking with the expression made
PostgreSQL parse the text of every match again (docs/benchmarks.md, "At scale"). The column
exists everywhere; the index and the filled values on PostgreSQL only (SQLite searches
with LIKE), so the operations on them are skipped elsewhere.
"""

import django.contrib.postgres.search
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "content_article_search_idx"


def _expression_index() -> GinIndex:
    return GinIndex(SearchVector("title", "summary", "body", config="english"), name=INDEX_NAME)


def _column_index() -> GinIndex:
    return GinIndex(fields=["search_vector"], name=INDEX_NAME)


def fill_and_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Article = apps.get_model("content", "Article")
    schema_editor.remove_index(Article, _expression_index())
    # The expression services.ARTICLE_SEARCH_VECTOR writes on every save.
    Article.objects.update(search_vector=SearchVector("title", "summary", "body", config="english"))
    schema_editor.add_index(Article, _column_index())


def unindex(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Article = apps.get_model("content", "Article")
    schema_editor.remove_index(Article, _column_index())
    schema_editor.add_index(Article, _expression_index())


class Migration(migrations.Migration):
    dependencies = [("content", "0007_drop_article_tag_list")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill_and_index, unindex),
    ]
