"""The revalidation task: its signed request, retries on failure, and no retry on a refusal."""

import hashlib
import hmac
import json
from io import BytesIO
from urllib.error import HTTPError, URLError

import pytest

from apps.content import revalidation, tasks
from config.celery import app as celery_app


@pytest.fixture
def site(monkeypatch, settings):
    """Stands in for the site's webhook: records each request, answers what ``answers`` holds."""
    settings.REVALIDATE_URL = "https://site.test/cms/revalidate"
    settings.REVALIDATE_SECRET = "shared-secret-" + "x" * 20
    requests = []
    answers: list[Exception | None] = []

    class Response:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def urlopen(request, timeout):
        requests.append(request)
        answer = answers.pop(0) if answers else None
        if answer is not None:
            raise answer
        return Response()

    monkeypatch.setattr(revalidation.urllib.request, "urlopen", urlopen)
    return requests, answers


def http_error(code: int) -> HTTPError:
    return HTTPError("https://site.test/cms/revalidate", code, "x", {}, BytesIO(b""))  # type: ignore[arg-type]


def test_the_request_carries_the_tags_signed_with_the_shared_secret(site, settings):
    requests, _ = site

    tasks.revalidate_site.delay(["article:news", "articles"]).get()

    (request,) = requests
    assert request.full_url == "https://site.test/cms/revalidate"
    assert request.get_method() == "POST"
    assert json.loads(request.data) == {"tags": ["article:news", "articles"]}
    timestamp = request.get_header("X-revalidate-timestamp")
    expected = hmac.new(
        settings.REVALIDATE_SECRET.encode(), timestamp.encode() + b"." + request.data, hashlib.sha256
    ).hexdigest()
    assert request.get_header("X-revalidate-signature") == expected


@pytest.fixture
def not_propagating():
    """``apply()`` then retries inline as a worker would (without the backoff's wait); see apps/jobs/tests."""
    celery_app.conf.task_eager_propagates = False
    celery_app.conf.task_always_eager = False  # as under a worker: the task's own retries apply
    yield
    celery_app.conf.task_eager_propagates = True
    celery_app.conf.task_always_eager = True


@pytest.mark.parametrize("failure", [URLError("connection refused"), TimeoutError(), http_error(503)])
def test_a_network_failure_or_5xx_is_retried_until_it_goes_through(site, not_propagating, failure):
    requests, answers = site
    answers.extend([failure, failure])

    result = tasks.revalidate_site.apply(args=[["articles"]])

    assert result.successful()
    assert len(requests) == 3


def test_a_refusal_is_not_retried(site):
    requests, answers = site
    answers.append(http_error(401))

    with pytest.raises(revalidation.RevalidationRefused):
        tasks.revalidate_site.delay(["articles"]).get()
    assert len(requests) == 1


def test_running_twice_sends_the_same_request_twice_and_nothing_else(site):
    requests, _ = site

    tasks.revalidate_site.delay(["articles"]).get()
    tasks.revalidate_site.delay(["articles"]).get()

    assert [json.loads(request.data) for request in requests] == [{"tags": ["articles"]}] * 2


@pytest.mark.django_db
def test_publishing_through_the_service_calls_the_site_after_commit(site, django_capture_on_commit_callbacks, editor):
    from apps.content.services import workflow
    from apps.content.tests.factories import ArticleFactory

    requests, _ = site
    article = ArticleFactory(draft=True, slug="fresh")

    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_publish(article=article, by=editor)

    assert [json.loads(request.data) for request in requests] == [{"tags": ["article:fresh", "articles"]}]


def test_without_a_broker_an_unreachable_site_fails_nothing(site, caplog):
    """make dev and the e2e backend run tasks inside the request: a site that is down must not fail it."""
    requests, answers = site
    answers.append(URLError("connection refused"))

    tasks.revalidate_site.delay(["articles"]).get()

    assert len(requests) == 1
    assert "The site was not revalidated" in caplog.text
