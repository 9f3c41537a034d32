"""The worker Deployments' liveness probe: ``manage.py worker_check``.

A worker that answers passes (apps/jobs/tests/broker/test_worker_liveness.py, with a real worker).
"""

import socket

import pytest
from django.core.management import CommandError, call_command


def test_a_worker_that_does_not_answer_fails_while_the_broker_is_up(settings):
    if not settings.CELERY_BROKER_URL:
        pytest.skip("needs CELERY_BROKER_URL (set in CI)")

    with pytest.raises(CommandError, match="nobody@nowhere did not answer a ping"):
        call_command("worker_check", "--node", "nobody@nowhere", "--timeout", "0.5")


def test_a_broker_outage_does_not_fail_it_a_restart_would_not_help(settings, capsys):
    settings.CELERY_BROKER_URL = "amqp://guest:guest@127.0.0.1:1//"

    call_command("worker_check", "--node", "emails@pod-1", "--broker-timeout", "1")

    assert "not checked, the broker is unreachable" in capsys.readouterr().out


def test_a_black_holed_broker_does_not_fail_it_either(settings, capsys):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        settings.CELERY_BROKER_URL = f"amqp://guest:guest@127.0.0.1:{listener.getsockname()[1]}//"

        call_command("worker_check", "--node", "emails@pod-1", "--broker-timeout", "0.5")

    assert "not checked, the broker is unreachable" in capsys.readouterr().out


def test_it_refuses_to_pass_without_a_broker_configured(settings):
    settings.CELERY_BROKER_URL = ""

    with pytest.raises(CommandError, match="CELERY_BROKER_URL is not set"):
        call_command("worker_check", "--node", "emails@pod-1")
