from django.apps import AppConfig


class UploadsConfig(AppConfig):
    name = "apps.uploads"
    label = "uploads"
    verbose_name = "Uploads"

    def ready(self) -> None:
        # Connects the receiver that deletes a deleted account's raw uploads.
        from apps.uploads import signals  # noqa: F401
