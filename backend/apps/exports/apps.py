from django.apps import AppConfig


class ExportsConfig(AppConfig):
    """Personal data export: a zip of everything we hold about a user, built in the background."""

    name = "apps.exports"
    label = "exports"

    def ready(self) -> None:
        from apps.exports import sections, signals  # noqa: F401 - registers the built-in sections and receivers
