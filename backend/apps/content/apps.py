from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "apps.content"
    label = "content"
    verbose_name = "Content"

    def ready(self) -> None:
        # Connects the receivers that invalidate cached public responses on user profile changes.
        from apps.content import signals  # noqa: F401
