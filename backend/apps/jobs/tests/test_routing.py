"""Every task of the project has an explicit queue, by its exact name (config/celery.py)."""

import pytest
from kombu import Queue

from config.celery import TASK_QUEUES, WORK_QUEUES
from config.celery import app as celery_app


def _project_tasks() -> set[str]:
    celery_app.loader.import_default_modules()
    return {name for name in celery_app.tasks if name.startswith("apps.") and ".tests." not in name}


def test_every_task_has_a_route_and_every_route_a_task():
    tasks = _project_tasks()

    assert tasks - TASK_QUEUES.keys() == set(), "add these tasks to TASK_QUEUES in config/celery.py"
    assert TASK_QUEUES.keys() - tasks == set(), "these routes name no task: renamed or removed? fix config/celery.py"
    assert set(TASK_QUEUES.values()) <= set(WORK_QUEUES)


@pytest.mark.parametrize(("name", "queue"), sorted(TASK_QUEUES.items()))
def test_each_task_lands_on_its_declared_queue(name, queue, settings):
    task = celery_app.tasks[name]

    # What apply_async and send_task (the outbox publishes by name) both resolve.
    for options in (task._get_exec_options(), {}):
        route = celery_app.amqp.router.route(options, name)
        assert isinstance(route["queue"], Queue)
        assert route["queue"].name == settings.CELERY_QUEUE_PREFIX + queue


def test_a_task_without_a_route_goes_to_the_default_queue(settings):
    route = celery_app.amqp.router.route({}, "apps.jobs.tests.broker_tasks.log_message")

    assert route["queue"].name == settings.CELERY_QUEUE_PREFIX + "default"
