"""Method checks for plain Django views, answering in the problem shape.

Django's ``require_GET`` answers a wrong method with an empty ``text/html`` 405; these
answer ``application/problem+json`` with ``code: method_not_allowed`` and ``Allow``,
like DRF views do.
"""

from collections.abc import Callable, Iterable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from apps.common.exceptions import problem_response

View = Callable[..., HttpResponse]


def require_http_methods(methods: Iterable[str]) -> Callable[[View], View]:
    allowed = [method.upper() for method in methods]

    def decorator(view: View) -> View:
        # csrf_exempt: the views this guards change nothing on a safe method, and any other
        # method gets the 405 below rather than CSRF's HTML 403 first.
        @csrf_exempt
        @wraps(view)
        def inner(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if request.method not in allowed:
                response = problem_response(
                    request,
                    status_code=405,
                    code="method_not_allowed",
                    detail=_('Method "%(method)s" not allowed.') % {"method": request.method},
                )
                response["Allow"] = ", ".join(allowed)
                return response
            return view(request, *args, **kwargs)

        return inner

    return decorator


require_GET = require_http_methods(["GET"])
