from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from apps.accounts.tests.factories import UserFactory
from apps.content import services
from apps.content.models import Article, Comment
from apps.content.tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("client_name", ["author_client", "editor_client", "moderator_client"])
def test_the_dashboard_renders_for_each_role_under_the_admin_csp(request, client_name):
    client = request.getfixturevalue(client_name)
    ArticleFactory(scheduled=True, title="Coming soon")

    response = client.get("/admin/")

    assert response.status_code == 200
    assert b'data-card="my-drafts"' in response.content
    assert b'class="chart"' in response.content
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-eval'" in policy
    assert "'unsafe-inline'" not in policy.split("style-src")[0]  # no inline scripts


def test_the_dashboard_shows_each_role_its_own_cards(author, author_client, editor_client, moderator_client):
    ArticleFactory(draft=True, author=author, title="My own draft")
    ArticleFactory(status=Article.Status.IN_REVIEW, publish_at=None, title="Please review")
    ArticleFactory(scheduled=True, title="Tomorrow's piece")

    author_page = author_client.get("/admin/").content.decode()
    editor_page = editor_client.get("/admin/").content.decode()
    moderator_page = moderator_client.get("/admin/").content.decode()

    assert "My own draft" in author_page
    assert "Please review" not in author_page
    assert "Please review" in editor_page
    assert "Tomorrow&#x27;s piece" in editor_page
    assert 'data-card="pending-comments"' in moderator_page
    assert 'data-card="awaiting-review"' not in moderator_page


def test_authors_see_only_their_own_articles(author, author_client):
    ArticleFactory(draft=True, author=author, title="Mine")
    other = ArticleFactory(draft=True, title="Someone else's")

    page = author_client.get("/admin/content/article/").content.decode()

    assert "Mine" in page
    assert "Someone else" not in page
    assert author_client.get(f"/admin/content/article/{other.pk}/change/").status_code == 302  # not found -> list


def test_a_refused_action_is_an_admin_message_not_an_error(author, author_client):
    article = ArticleFactory(draft=True, author=author)

    response = author_client.post(
        "/admin/content/article/", {"action": "publish", "_selected_action": [article.pk]}, follow=True
    )

    assert response.status_code == 200
    assert "Only editors may review" in response.content.decode()
    assert Article.objects.get().status == Article.Status.DRAFT


def test_the_workflow_page_offers_the_allowed_steps_and_runs_them(author, author_client, editor_client):
    article = ArticleFactory(draft=True, author=author)
    url = f"/admin/content/article/{article.pk}/workflow/"

    assert 'value="publish"' not in author_client.get(url).content.decode()
    author_client.post(url, {"transition": "submit"})
    assert Article.objects.get().status == Article.Status.IN_REVIEW

    editor_page = editor_client.get(url).content.decode()
    assert 'value="request_changes"' in editor_page
    response = editor_client.post(url, {"transition": "request_changes", "note": ""}, follow=True)
    assert "Tell the author what to change" in response.content.decode()
    editor_client.post(url, {"transition": "request_changes", "note": "More sources."})
    article.refresh_from_db()
    assert (article.status, article.review_note) == (Article.Status.DRAFT, "More sources.")


def test_the_moderation_queue_lists_pending_first_oldest_first(moderator_client):
    article = ArticleFactory(title="Host article")
    CommentFactory(article=article, body="visible old")
    CommentFactory(article=article, body="pending new", state=Comment.State.PENDING)
    CommentFactory(article=article, body="pending old", state=Comment.State.PENDING)
    Comment.objects.filter(body="pending old").update(created_at=timezone.now() - timedelta(hours=1))

    page = moderator_client.get("/admin/content/comment/").content.decode()

    assert page.index("pending old") < page.index("pending new") < page.index("visible old")
    assert "Host article" in page


def test_bulk_moderation_goes_through_the_services_and_the_counts_follow(moderator_client):
    article = ArticleFactory()
    pending = [CommentFactory(article=article, state=Comment.State.PENDING) for _ in range(2)]
    spam = CommentFactory(article=article)
    services.comment_moderate(comment=spam, state=Comment.State.VISIBLE)  # counted: 1

    moderator_client.post("/admin/content/comment/", {"action": "approve", "_selected_action": [c.pk for c in pending]})
    moderator_client.post("/admin/content/comment/", {"action": "spam", "_selected_action": [spam.pk]})

    article.refresh_from_db()
    assert article.comment_count == 2
    assert Comment.objects.get(pk=spam.pk).state == Comment.State.SPAM


@override_settings(COMMENTS_HOLD_NEW_ACCOUNTS_DAYS=3)
def test_new_accounts_comments_wait_for_review_and_are_not_counted():
    article = ArticleFactory()
    newcomer = UserFactory(is_email_verified=True)
    regular = UserFactory(is_email_verified=True, date_joined=timezone.now() - timedelta(days=10))

    held = services.comment_create(article=article, author=newcomer, body="Hi")
    shown = services.comment_create(article=article, author=regular, body="Hello")

    article.refresh_from_db()
    assert (held.state, shown.state) == (Comment.State.PENDING, Comment.State.VISIBLE)
    assert article.comment_count == 1


def test_the_login_page_keeps_the_second_factor_field_in_unfolds_look():
    response = Client().get("/admin/login/")

    assert response.status_code == 200
    assert b'name="otp_code"' in response.content
    assert b"unfold/css/styles.css" in response.content


def test_an_author_writes_a_new_article_under_their_own_name_as_a_draft(author, author_client):
    response = author_client.post(
        "/admin/content/article/add/",
        {
            "title": "First piece",
            "slug": "first-piece",
            "summary": "",
            "body": "Hello",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.author, article.status) == (author, Article.Status.DRAFT)
