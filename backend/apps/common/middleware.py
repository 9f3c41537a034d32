from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from apps.common.request_context import REQUEST_ID_HEADER, accept_request_id, current_request_id


class RequestIDMiddleware:
    """Accepts or creates ``X-Request-ID``, exposes it to logs and echoes it back."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = accept_request_id(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response
