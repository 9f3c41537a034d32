"""GIN index for full-text search, on PostgreSQL only (SQLite searches with LIKE).

The index expression must be the one filters.ARTICLE_SEARCH_VECTOR compiles to,
or the planner cannot use it; a test checks that with EXPLAIN.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "content_article_search_idx"


def _index() -> GinIndex:
    return GinIndex(SearchVector("title", "summary", "body", config="english"), name=INDEX_NAME)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("content", "Article"), _index())


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("content", "Article"), _index())


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
