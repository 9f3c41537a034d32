from django.db import migrations, models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def count_visible_comments(apps, schema_editor):
    Article = apps.get_model("content", "Article")
    Comment = apps.get_model("content", "Comment")
    visible = (
        Comment.objects.filter(article=OuterRef("pk"), state="visible")
        .order_by()
        .values("article")
        .annotate(count=Count("id"))
        .values("count")
    )
    Article.objects.update(comment_count=Coalesce(Subquery(visible, output_field=IntegerField()), Value(0)))


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0003_editors_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="comment_count",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="visible comments"),
        ),
        migrations.RunPython(count_visible_comments, migrations.RunPython.noop),
    ]
