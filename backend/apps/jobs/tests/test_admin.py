import pytest

from apps.jobs.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_outbox_is_visible_but_read_only_in_the_admin(admin_client):
    message = OutboxMessage.objects.create(task_name="apps.accounts.tasks.send_welcome_email", args=[1])

    assert admin_client.get("/admin/jobs/outboxmessage/").status_code == 200
    assert admin_client.get("/admin/jobs/outboxmessage/add/").status_code == 403
    page = admin_client.get(f"/admin/jobs/outboxmessage/{message.pk}/change/")
    assert page.status_code == 200
    assert b"send_welcome_email" in page.content
