from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from apps.common.exceptions import ApplicationError
from apps.content.models import Article
from apps.content.services import workflow
from apps.content.tests.factories import ArticleFactory, role_user

pytestmark = pytest.mark.django_db

# Subjects of the workflow's emails, in each language the site offers.
TO_REVIEW = {
    # [copier] if lang_en
    "en": "To review: “Mein Text”",
    # [copier] end
    # [copier] if lang_de
    "de": "Zu prüfen: „Mein Text“",
    # [copier] end
}
PUBLISHED = {
    # [copier] if lang_en
    "en": "Published",
    # [copier] end
    # [copier] if lang_de
    "de": "Veröffentlicht",
    # [copier] end
}


def test_an_author_submits_their_own_draft_and_the_editors_get_an_email_in_their_language(
    author, django_capture_on_commit_callbacks, settings
):
    language = settings.LANGUAGES[-1][0]  # not the default where the site has two
    role_user("Editors", email="ed@example.com", language=language)
    article = ArticleFactory(draft=True, author=author, title="Mein Text")

    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_submit(article=article, by=author)

    assert Article.objects.get(pk=article.pk).status == Article.Status.IN_REVIEW
    [email] = mail.outbox
    assert email.to == ["ed@example.com"]
    assert email.subject == TO_REVIEW[language]
    assert f"/admin/content/article/{article.pk}/change/" in email.body


def test_an_author_cannot_submit_someone_elses_article(author):
    article = ArticleFactory(draft=True)

    with pytest.raises(ApplicationError) as error:
        workflow.article_submit(article=article, by=author)

    assert error.value.status_code == 403
    assert error.value.code == "permission_denied"


@pytest.mark.parametrize("transition", ["publish", "unpublish", "archive"])
def test_authors_and_moderators_cannot_make_the_editors_transitions(author, moderator, transition):
    article = ArticleFactory(author=author)

    for user in (author, moderator):
        with pytest.raises(ApplicationError) as error:
            workflow.TRANSITIONS[transition](article=article, by=user)
        assert error.value.status_code == 403
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED


def test_an_author_may_not_edit_their_article_once_it_is_published(author):
    assert workflow.article_may_edit(article=ArticleFactory(draft=True, author=author), user=author)
    assert not workflow.article_may_edit(article=ArticleFactory(author=author), user=author)


def test_requesting_changes_needs_a_note_and_emails_it_to_the_author(editor, django_capture_on_commit_callbacks):
    author = role_user("Authors", email="au@example.com", language="en")
    article = ArticleFactory(draft=True, author=author, title="Draft")
    workflow.article_submit(article=article, by=author)

    with pytest.raises(ApplicationError, match="what to change"):
        workflow.article_changes_request(article=article, by=editor, note="  ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_changes_request(article=article, by=editor, note="Shorter title, please.")

    article.refresh_from_db()
    assert (article.status, article.review_note) == (Article.Status.DRAFT, "Shorter title, please.")
    [email] = mail.outbox
    assert email.to == ["au@example.com"]
    assert "Shorter title, please." in email.body


def test_a_transition_from_the_wrong_state_is_a_conflict(editor):
    with pytest.raises(ApplicationError) as error:
        workflow.article_changes_request(article=ArticleFactory(draft=True), by=editor, note="Why?")

    assert (error.value.status_code, error.value.code) == (409, "invalid_transition")


def test_publishing_someone_elses_article_emails_the_author(editor, django_capture_on_commit_callbacks, settings):
    language = settings.LANGUAGES[-1][0]
    article = ArticleFactory(draft=True, author=role_user("Authors", email="au@example.com", language=language))

    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_publish(article=article, by=editor)

    [email] = mail.outbox
    assert email.to == ["au@example.com"]
    assert email.subject.startswith(PUBLISHED[language])


def test_scheduling_needs_a_future_time(editor):
    with pytest.raises(ApplicationError, match="future"):
        workflow.article_schedule(article=ArticleFactory(draft=True), by=editor, publish_at=timezone.now())


def test_the_schedule_runs_to_the_minute_publishing_and_expiring(editor, django_capture_on_commit_callbacks):
    with freeze_time("2026-12-01 09:00:00") as clock:
        article = ArticleFactory(draft=True)
        workflow.article_schedule(
            article=article,
            by=editor,
            publish_at=timezone.now() + timedelta(minutes=1),
            unpublish_at=timezone.now() + timedelta(minutes=3),
        )
        assert workflow.articles_schedule_run() == (0, 0)
        assert not Article.objects.live().exists()

        clock.tick(timedelta(minutes=1))
        with django_capture_on_commit_callbacks(execute=True):
            assert workflow.articles_schedule_run() == (1, 0)
        assert Article.objects.get().status == Article.Status.PUBLISHED
        assert Article.objects.live().count() == 1
        assert len(mail.outbox) == 1  # the author hears it is out

        clock.tick(timedelta(minutes=2))
        # Expired at once for readers, before the task has run:
        assert not Article.objects.live().exists()
        assert workflow.articles_schedule_run() == (0, 1)
        assert Article.objects.get().status == Article.Status.ARCHIVED


def test_an_expiry_before_the_publish_time_is_refused(editor):
    now = timezone.now()
    with pytest.raises(Exception, match="expiry must come after"):
        workflow.article_schedule(
            article=ArticleFactory(draft=True),
            by=editor,
            publish_at=now + timedelta(hours=2),
            unpublish_at=now + timedelta(hours=1),
        )
