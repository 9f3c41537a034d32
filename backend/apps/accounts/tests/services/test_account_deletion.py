import pytest
from django.urls import reverse

from apps.accounts.services.profile import user_delete
from apps.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from apps.content.models import Comment
from apps.content.services import comment_create
from apps.content.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def commented_article(*, by, others=1):
    article = ArticleFactory()
    comment_create(article=article, author=by, body="mine")
    for _ in range(others):
        comment_create(article=article, author=UserFactory(), body="theirs")
    return article


def test_deleting_an_account_deletes_its_comments_and_recounts_their_articles():
    user = UserFactory()
    article = commented_article(by=user)

    user_delete(user=user, password=DEFAULT_PASSWORD)

    article.refresh_from_db()
    assert article.comment_count == 1
    assert list(Comment.objects.filter(article=article).values_list("body", flat=True)) == ["theirs"]


def test_an_admin_deleting_an_account_recounts_the_articles_it_commented_on(admin_client):
    user = UserFactory()
    article = commented_article(by=user, others=2)

    response = admin_client.post(reverse("admin:accounts_user_delete", args=[user.pk]), {"post": "yes"})

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.comment_count == 2


def test_an_admin_bulk_deletion_recounts_too(admin_client):
    users = UserFactory.create_batch(2)
    article = ArticleFactory()
    for user in users:
        comment_create(article=article, author=user, body="gone")
    comment_create(article=article, author=UserFactory(), body="stays")

    response = admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "delete_selected", "_selected_action": [user.pk for user in users], "post": "yes"},
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.comment_count == 1
