"""In-process cost of the JSON renderer on the uncached article list and users/me (docs/decisions/0017).

Not part of `make bench`. Needs the `bench` database seeded by bench/run.sh, and
drf-orjson-renderer, which is not a dependency (install it into the virtualenv for the
run; `uv sync` removes it again). From backend/:

    uv pip install drf-orjson-renderer
    DJANGO_ENV=development DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
    REDIS_URL=redis://127.0.0.1:6379/3 CONTENT_CACHE_SECONDS=0 DJANGO_DEBUG=false \
    THROTTLE_ANON_RATE=100000000/min THROTTLE_USER_RATE=100000000/min \
    uv run --no-sync python manage.py shell -c "exec(open('../bench/json_renderers.py').read())"
"""

import statistics
import sys
import time

from apps.accounts.models import User
from django.test import Client
from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from djangorestframework_camel_case.util import camelize
from drf_orjson_renderer.renderers import ORJSONRenderer
from rest_framework.renderers import JSONRenderer
from rest_framework_simplejwt.tokens import AccessToken


class CamelCaseORJSONRenderer(ORJSONRenderer):
    # What JSON_CAMEL_CASE = {"RENDERER_CLASS": "drf_orjson_renderer.renderers.ORJSONRenderer"} builds.
    def render(self, data, *args, **kwargs):
        return super().render(camelize(data), *args, **kwargs)


def timed(fn, n):
    for _ in range(50):
        fn()
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1e6)
    return statistics.median(samples)


def report(line: str) -> None:
    sys.stdout.write(line + "\n")


client = Client()
token = str(AccessToken.for_user(User.objects.get(email="demo@example.com")))
requests = {
    "articles list (uncached)": lambda: client.get("/api/v1/articles/"),
    "users/me": lambda: client.get("/api/v1/users/me/", HTTP_AUTHORIZATION=f"Bearer {token}"),
}
renderers = {
    "CamelCaseJSONRenderer (now)": CamelCaseJSONRenderer(),
    "CamelCase over ORJSONRenderer": CamelCaseORJSONRenderer(),
    "JSONRenderer, no camelize": JSONRenderer(),
    "ORJSONRenderer, no camelize": ORJSONRenderer(),
}
for name, request in requests.items():
    response = request()
    if response.status_code != 200:
        raise SystemExit(f"{name} answered {response.status_code}: seed the bench database first (bench/run.sh)")
    whole = timed(request, 400)
    report(f"{name}: {len(response.content)} bytes, whole request in-process median {whole:.0f} us")
    first = None
    for renderer_name, renderer in renderers.items():
        us = timed(lambda renderer=renderer, data=response.data: renderer.render(data, "application/json", {}), 2000)
        first = first or us
        share, saved = 100 * us / whole, first - us
        report(f"    {renderer_name:32s} {us:8.1f} us  ({share:4.1f}% of the request; saves {saved:6.1f} us)")
