from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.common.models import BaseModel
from apps.content.markdown import markdown_render


class Tag(BaseModel):
    name = models.CharField(_("name"), max_length=64, unique=True)
    slug = models.SlugField(_("slug"), max_length=64, unique=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


# The meta fields' hard limits; the admin's counters warn past the hints (admin/seo.py).
META_TITLE_MAX = 100
META_DESCRIPTION_MAX = 300


class ArticleQuerySet(models.QuerySet["Article"]):
    def live(self, now: datetime | models.Expression | None = None) -> "ArticleQuerySet":
        """Readers see published articles and scheduled ones whose time has come (by ``now``,
        the current time unless given), until their expiry (``unpublish_at``).

        Counting due scheduled articles as live, and expired ones as gone, keeps reads right to
        the second even while the periodic task has not flipped their status yet. Both times are
        in the live indexes (INCLUDE), so the list and its total stay index-only scans.
        """
        now = timezone.now() if now is None else now
        return self.filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now),
            status__in=(Article.Status.PUBLISHED, Article.Status.SCHEDULED),
            publish_at__lte=now,
        )


class Article(BaseModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("body"), help_text=_("Markdown. Raw HTML is sanitised."))
    # Derived from body on every save, so readers never pay for rendering.
    body_html = models.TextField(_("body (HTML)"), editable=False)
    cover_image = models.ImageField(_("cover image"), upload_to="covers/", blank=True)
    cover_thumbnail = models.ImageField(_("cover thumbnail"), upload_to="covers/thumbnails/", blank=True)
    tags = models.ManyToManyField(Tag, related_name="articles", blank=True, verbose_name=_("tags"))
    # What search engines and social networks show (docs/editors.md#seo-and-addresses). Empty means
    # the title, the summary and the cover stand in. The hints (~60 and ~160 characters, what a
    # search result shows before it cuts) are the admin's; the hard limits keep out pasted essays.
    meta_title = models.CharField(
        _("meta title"),
        max_length=META_TITLE_MAX,
        blank=True,
        help_text=_("The title in search results and shared links; empty for the article's title."),
    )
    meta_description = models.CharField(
        _("meta description"),
        max_length=META_DESCRIPTION_MAX,
        blank=True,
        help_text=_("The text under the title in search results and shared links; empty for the summary."),
    )
    # Its own picture for shared links (1200 by 630 pixels shows best), stored re-encoded like the cover;
    # empty for the cover.
    social_image = models.ImageField(_("social image"), upload_to="social/", blank=True)
    # Articles outlive their author's account: the byline goes, the text stays.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("author"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("publish at"), null=True, blank=True, help_text=_("When a scheduled article goes live.")
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"), null=True, blank=True, help_text=_("When the article expires; empty for never.")
    )
    # The editor's note of the last "changes requested", shown to the author until the next submit.
    review_note = models.TextField(_("review note"), blank=True, editable=False)
    # Kept by the comment services (services.py) under the article's row lock. Counting on read
    # costs every row a page query passes over, deep pages included: at 100,000 articles page
    # 2,500 took ~300 ms with the count as a subquery, 20 ms with this column (docs/benchmarks.md).
    comment_count = models.PositiveIntegerField(_("visible comments"), default=0, editable=False)
    # Title, summary and body as PostgreSQL's search document, written by services.article_save and
    # GIN-indexed (migration 0008): a search ranks it in place instead of parsing every match's text
    # again. Null on SQLite, which searches with LIKE (filters.py).
    search_vector = SearchVectorField(null=True, editable=False)
    # The optimistic lock of editors' forms: the services add one on every editorial write, and a
    # save that started from an older number is refused (services.article_save, docs/editors.md).
    # A database default too, for rows written by SQL (bench/scale.py).
    version = models.PositiveIntegerField(_("version"), default=1, db_default=1, editable=False)

    objects = ArticleQuerySet.as_manager()
    # A version per save (history.py). Not the derived columns: the HTML and the search document
    # follow from the text, and the comment count belongs to the comment services.
    history = HistoricalRecords(excluded_fields=["body_html", "search_vector", "comment_count"])

    class Meta:
        ordering = ("-publish_at", "-id")
        permissions = [
            # The editors' part of the workflow (services/workflow.py); authors only submit their own.
            ("review_article", _("Can review, schedule, publish, unpublish and archive any article")),
        ]
        indexes = [
            models.Index(fields=["status", "publish_at"], name="content_article_live_idx"),
            # The public list's order over live articles: a page is read from here in LIMIT order
            # instead of sorting every live article (and the total is counted from it alone).
            models.Index(
                fields=["-publish_at", "-id"],
                include=["unpublish_at"],
                condition=Q(status__in=["published", "scheduled"]),
                name="content_article_list_idx",
            ),
            # Live articles by id, with the publish time: a filtered total (e.g. a tag's 3,000 links)
            # checks each article here without reading its row (INCLUDE is PostgreSQL's; elsewhere
            # the index has the id alone). The links' own index is in migration 0009.
            models.Index(
                fields=["id"],
                include=["publish_at", "unpublish_at"],
                condition=Q(status__in=["published", "scheduled"]),
                name="content_article_live_id_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["published", "scheduled"]) | Q(publish_at__isnull=False),
                name="content_article_live_needs_publish_at",
                violation_error_message=_("Scheduled and published articles need a publish time."),
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True)
                | Q(publish_at__isnull=True)
                | Q(unpublish_at__gt=F("publish_at")),
                name="content_article_expiry_after_publish",
                violation_error_message=_("The expiry must come after the publish time."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.status == self.Status.SCHEDULED and self.publish_at is None:
            raise ValidationError({"publish_at": _("Set when the article should go live.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.body_html = markdown_render(source=self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    @property
    def is_live(self) -> bool:
        return (
            self.status in (self.Status.PUBLISHED, self.Status.SCHEDULED)
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
            and (self.unpublish_at is None or self.unpublish_at > timezone.now())
        )


class ArticleRedirect(BaseModel):
    """An address an article had while readers could see it: the site answers it with a permanent
    redirect to the article's current address. Kept by the content services (services/seo.py):
    written when a once-published article's slug changes, removed when an article takes the slug.
    Pointing at the article, not at a slug, collapses chains: every old address goes to the current one.
    """

    old_slug = models.SlugField(_("old slug"), max_length=200, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="redirects", verbose_name=_("article"))

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.old_slug} -> {self.article_id}"


class Comment(BaseModel):
    class State(models.TextChoices):
        # Held for review (a new account's comment, with COMMENTS_HOLD_NEW_ACCOUNTS_DAYS): not shown yet.
        PENDING = "pending", _("Pending")
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden")
        SPAM = "spam", _("Spam")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments", verbose_name=_("article"))
    # Deleting an account deletes what its owner wrote: comments are personal data.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments", verbose_name=_("author")
    )
    # TextField's max_length only reaches forms; the validator makes full_clean() enforce it too.
    body = models.TextField(_("body"), max_length=5000, validators=[MaxLengthValidator(5000)])
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    state = models.CharField(_("moderation"), max_length=16, choices=State.choices, default=State.VISIBLE)

    history = HistoricalRecords()

    class Meta:
        ordering = ("created_at", "id")
        indexes = [
            models.Index(fields=["article", "state", "created_at"], name="content_comment_list_idx"),
            # The moderation queue and the dashboard's count: the few pending ones, oldest first.
            models.Index(fields=["created_at"], condition=Q(state="pending"), name="content_comment_pending_idx"),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.article_id}"
