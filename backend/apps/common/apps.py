from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "apps.common"
    label = "common"

    def ready(self) -> None:
        from django.core.signals import got_request_exception

        from apps.common.fields import refuse_non_strings_in_text_fields
        from apps.common.logging import uncaught_exception_note

        refuse_non_strings_in_text_fields()
        got_request_exception.connect(uncaught_exception_note, dispatch_uid="apps.common.uncaught_exception_note")
