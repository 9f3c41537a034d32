from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"

    def ready(self) -> None:
        # Connects the receivers that keep the user cache in step with the database.
        from apps.accounts import signals  # noqa: F401
