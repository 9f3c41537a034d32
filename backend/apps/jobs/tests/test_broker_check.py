"""The worker Deployments' readiness probe: ``manage.py broker_check``."""

import socket

import pytest
from django.core.management import CommandError, call_command


def test_it_passes_when_the_broker_answers(settings, capsys):
    if not settings.CELERY_BROKER_URL:
        pytest.skip("needs CELERY_BROKER_URL (set in CI)")

    call_command("broker_check")

    assert capsys.readouterr().out.strip() == "broker: ok"


def test_it_fails_when_nothing_listens(settings):
    settings.CELERY_BROKER_URL = "amqp://guest:guest@127.0.0.1:1//"

    with pytest.raises(CommandError, match="cannot connect to the broker"):
        call_command("broker_check", "--timeout", "1")


def test_it_fails_in_time_when_the_broker_never_answers(settings):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        settings.CELERY_BROKER_URL = f"amqp://guest:guest@127.0.0.1:{listener.getsockname()[1]}//"

        with pytest.raises(CommandError, match="cannot connect to the broker"):
            call_command("broker_check", "--timeout", "0.5")


def test_it_refuses_to_pass_without_a_broker_configured(settings):
    settings.CELERY_BROKER_URL = ""

    with pytest.raises(CommandError, match="CELERY_BROKER_URL is not set"):
        call_command("broker_check")
