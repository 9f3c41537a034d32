from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "apps.common"
    label = "common"

    def ready(self) -> None:
        from apps.common.fields import refuse_non_strings_in_text_fields

        refuse_non_strings_in_text_fields()
