from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Background-job plumbing: the task outbox, the reliable task base, task signals and metrics."""

    name = "apps.jobs"
    label = "jobs"

    def ready(self) -> None:
        from prometheus_client import REGISTRY

        from apps.jobs import metrics, signals  # noqa: F401 - connects the Celery signal receivers

        metrics.collector_register(REGISTRY)
