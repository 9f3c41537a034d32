"""Demo data for development, reviews and benchmarks: ``python manage.py seed``.

Idempotent: running it again updates the same rows (found by email or slug) and
resets the demo passwords, so the printed credentials always work. Refuses to run
with production settings: the passwords below are public.
"""

import logging
from datetime import timedelta
from io import BytesIO
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from apps.accounts.models import User
from apps.content import services as content_services
from apps.content.models import Article, Tag

EDITOR = {"email": "editor@example.com", "password": "editor-demo-password", "first_name": "Eda", "last_name": "Tor"}
WRITER = {"email": "writer@example.com", "password": "writer-demo-password", "first_name": "Wren", "last_name": "Ito"}
DEMO = {"email": "demo@example.com", "password": "demo-demo-password", "first_name": "Demi", "last_name": "User"}
TAGS = ["Django", "Next.js", "PostgreSQL", "Operations", "Security", "Testing"]
TOPICS = [
    "Shipping a Django API to production",
    "Caching public pages with ETags",
    "Full-text search in PostgreSQL",
    "Direct-to-S3 uploads from the browser",
    "Background jobs that survive restarts",
    "Refresh tokens in httpOnly cookies",
    "Testing against real services",
    "Rendering Markdown safely",
    "Scheduling content without cron",
    "Observability from day one",
    "Server components for public pages",
    "Rate limits that protect logins",
]
COLOURS = [(37, 99, 235), (22, 163, 74), (234, 88, 12), (147, 51, 234), (219, 39, 119), (13, 148, 136)]


def _cover(index: int) -> SimpleUploadedFile:
    image = Image.new("RGB", (1200, 630), COLOURS[index % len(COLOURS)])
    ImageDraw.Draw(image).rectangle((80, 80, 1120, 550), outline=(255, 255, 255), width=12)
    output = BytesIO()
    image.save(output, format="PNG")
    return SimpleUploadedFile(f"cover-{index}.png", output.getvalue(), content_type="image/png")


def _body(title: str, index: int) -> str:
    return (
        f"## {title}\n\n"
        f"This is demo article number {index + 1}. It shows **Markdown** rendered to safe HTML, "
        "with a [link](https://www.djangoproject.com/) and a list:\n\n"
        "- one idea per paragraph\n- code in fences\n- nothing that runs in the browser\n\n"
        "```python\nprint('hello from the seed command')\n```\n"
    )


class Command(BaseCommand):
    help = "Creates or refreshes demo accounts, tags, articles and comments, and prints the logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=12, help="Published articles to have (default 12).")
        parser.add_argument("--no-covers", action="store_true", help="Skip generating cover images (faster).")

    def handle(self, *args: Any, articles: int, no_covers: bool, **options: Any) -> None:
        if settings.IS_PRODUCTION:
            raise CommandError("seed writes public demo passwords; run it with DJANGO_ENV=development or test.")
        # Each cover thumbnail task logs a line at INFO when tasks run inside this process (no
        # broker); a screenful of them would bury the logins this command exists to print.
        task_log = logging.getLogger("celery.app.trace")
        level = task_log.level
        task_log.setLevel(logging.WARNING)
        try:
            self._seed(articles=articles, covers=not no_covers)
        finally:
            task_log.setLevel(level)
        self._print_logins(articles)

    def _seed(self, *, articles: int, covers: bool) -> None:
        with transaction.atomic():
            editor = self._user(EDITOR, is_staff=True)
            editor.groups.add(Group.objects.get(name="Editors"))
            writer = self._user(WRITER, is_staff=True)
            writer.groups.add(Group.objects.get(name="Authors"))  # writes and submits; the editor reviews
            demo = self._user(DEMO)
            tags = [
                Tag.objects.update_or_create(slug=name.lower().replace(".", ""), defaults={"name": name})[0]
                for name in TAGS
            ]
            now = timezone.now()
            for index in range(articles):
                title = TOPICS[index % len(TOPICS)] + ("" if index < len(TOPICS) else f" ({index // len(TOPICS) + 1})")
                article = self._article(
                    slug=f"demo-{index + 1}",
                    title=title,
                    index=index,
                    author=editor if index % 2 == 0 else writer,
                    status=Article.Status.PUBLISHED,
                    publish_at=now - timedelta(days=index, hours=index),
                    tags=[tags[index % len(tags)], tags[(index + 2) % len(tags)]],
                    cover=covers,
                )
                self._comments(article, authors=[demo, writer if index % 2 == 0 else editor])
            self._article(
                slug="demo-scheduled",
                title="Coming soon: a scheduled article",
                index=articles,
                author=editor,
                status=Article.Status.SCHEDULED,
                publish_at=now + timedelta(days=2),
                tags=tags[:1],
                cover=False,
            )
            self._article(
                slug="demo-draft",
                title="Work in progress: a draft",
                index=articles + 1,
                author=writer,
                status=Article.Status.DRAFT,
                publish_at=None,
                tags=[],
                cover=False,
            )

    def _print_logins(self, articles: int) -> None:
        self.stdout.write(self.style.SUCCESS(f"Seeded {articles} published articles, 1 scheduled, 1 draft."))
        admin = f"admin at /{settings.ADMIN_URL}"
        self._table(
            ("email", "password", "role"),
            [
                (EDITOR["email"], EDITOR["password"], f"editor, {admin}"),
                (WRITER["email"], WRITER["password"], f"author, {admin}"),
                (DEMO["email"], DEMO["password"], "user"),
            ],
        )

    def _table(self, header: tuple[str, str, str], rows: list[tuple[str, str, str]]) -> None:
        widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]

        def line(cells: tuple[str, ...]) -> str:
            return "  " + "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

        self.stdout.write("")
        self.stdout.write(line(header))
        self.stdout.write(line(tuple("-" * width for width in widths)))
        for row in rows:
            self.stdout.write(line(row))

    def _user(self, data: dict[str, str], *, is_staff: bool = False) -> User:
        user, _ = User.objects.update_or_create(
            email=data["email"],
            defaults={
                "first_name": data["first_name"],
                "last_name": data["last_name"],
                "is_staff": is_staff,
                "is_active": True,
                "is_email_verified": True,
            },
        )
        user.set_password(data["password"])
        user.save(update_fields=["password"])
        return user

    def _article(self, *, slug: str, index: int, tags: list[Tag], cover: bool, **fields: Any) -> Article:
        # Through the service, as the admin saves: it also writes the search document.
        article = Article.objects.filter(slug=slug).first() or Article(slug=slug)
        for name, value in {
            **fields,
            "summary": f"Demo article: {fields['title']}.",
            "body": _body(fields["title"], index),
        }.items():
            setattr(article, name, value)
        content_services.article_save(article=article)
        content_services.article_tags_set(article=article, tags=tags)
        if cover and not article.cover_image:
            content_services.article_cover_set(article=article, image=_cover(index))
        return article

    def _comments(self, article: Article, *, authors: list[User]) -> None:
        if article.comments.exists():
            return
        for number, author in enumerate(authors, start=1):
            body = f"Demo comment {number}: thanks for this!"
            content_services.comment_create(article=article, author=author, body=body)
