"""Content reads at production scale: p50/p99 and queries per read, in-process, uncached.

Seeds a dedicated PostgreSQL database once (100,000 published articles with three tags
each, 1,000 authors, 1,000,000 comments), then runs each public read through Django's test
Client (no network, no response cache) and prints one row per read. With --explain it
also prints EXPLAIN (ANALYZE, BUFFERS) of every query a read runs. Exits 1 when a read's
p99 misses the target. See docs/benchmarks.md ("At scale").

    cd backend && uv run python ../bench/scale.py             # seeds on the first run
    SCALE_REQUESTS=1000 uv run python ../bench/scale.py --explain
    SCALE_DATABASE_URL=postgres://... uv run python ../bench/scale.py --reseed
"""

# ruff: noqa: T201, SIM905 - a command-line report prints; a hundred words read better as one text

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

DATABASE_URL = os.environ.get("SCALE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_scale")
ARTICLES = 100_000
COMMENTS = 1_000_000
AUTHORS = 1_000
TAGS = 100
REQUESTS = int(os.environ.get("SCALE_REQUESTS", "300"))
TARGET_P99_MS = 25.0

# The reads the API must keep fast at this size; each path is asked REQUESTS times.
READS = (
    ("list, page 1", "/api/v1/articles/"),
    # The first request after any content change counts its list's total again (caching.content_cached).
    ("list, page 1, after a change", "/api/v1/articles/"),
    ("list, page 2,500 of 5,000", "/api/v1/articles/?page=2500"),
    ("tag filter (3,000 articles)", "/api/v1/articles/?tag=tag-7"),
    ("tag filter, after a change", "/api/v1/articles/?tag=tag-7"),
    ("author filter (100 articles)", "/api/v1/articles/?author={author_id}"),
    ("search (1,000 matches)", "/api/v1/articles/?search=harbour"),
    ("detail", "/api/v1/articles/article-50000/"),
)

# One hundred topics: every article's title names one, so a search for a topic matches 1 %.
TOPICS = (
    "harbour lantern orchard glacier meadow canyon beacon quarry lagoon summit "
    "prairie thicket estuary plateau delta fjord tundra savanna marsh grove "
    "compiler kernel socket buffer cursor tensor vector matrix bitmap packet "
    "ledger invoice voucher tariff subsidy pension mortgage dividend bond equity "
    "violin cello trumpet oboe harp banjo piano flute drum guitar "
    "falcon heron otter badger beaver lynx bison moose walrus puffin "
    "copper cobalt nickel zinc silver bronze marble granite basalt quartz "
    "bakery brewery dairy winery mill forge foundry tannery pottery loom "
    "comet nebula pulsar quasar orbit eclipse aurora meteor crater galaxy "
    "rowing fencing archery curling sailing skating hiking cycling boxing judo"
).split()


def _configure_django() -> None:
    """Settings as a production process has them, minus the services this run does not need."""
    os.environ.update(
        DATABASE_URL=DATABASE_URL,
        DJANGO_ENV="development",
        DJANGO_DEBUG="false",
        CONTENT_CACHE_SECONDS="0",  # every read runs selector, serializer and renderer
        # Off, as in bench/run.sh: DRF's throttles keep every request time of their window, so a
        # raised limit would make each request of the run slower than the one before (and
        # UserRateThrottle counts anonymous requests by address too).
        THROTTLE_ANON_RATE="",
        THROTTLE_USER_RATE="",
        LOG_LEVEL="WARNING",
    )
    os.environ.pop("REDIS_URL", None)  # no cache service needed: nothing is cached or throttled
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # WhiteNoise warns when static files were not collected; no read here serves one.
    warnings.filterwarnings("ignore", message="No directory at")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "backend"))
    import django

    django.setup()


def _create_database() -> None:
    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')


def _seed() -> None:
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction

    from apps.accounts.models import User
    from apps.content.models import Article, Tag

    started = time.perf_counter()
    password = make_password(None)  # unusable
    with transaction.atomic():
        User.objects.bulk_create(
            User(email=f"author{n}@example.com", first_name=f"Author{n}", last_name="Bench", password=password)
            for n in range(AUTHORS)
        )
        Tag.objects.bulk_create(Tag(name=f"Tag {n}", slug=f"tag-{n}") for n in range(TAGS))
        fields = {field.name for field in Article._meta.get_fields()}
        # Columns without a database default (the comment count, the review note, the SEO fields; tags
        # in older schemas).
        extra = [
            (name, value)
            for name, value in (
                *(("comment_count", "0"), ("tag_list", "'[]'"), ("review_note", "''")),
                *(("meta_title", "''"), ("meta_description", "''"), ("social_image", "''")),
            )
            if name in fields
        ]
        extra_columns = "".join(f", {name}" for name, _ in extra)
        extra_values = "".join(f", {value}" for _, value in extra)
        with connection.cursor() as cursor:
            # Article i: written by author i % 1000, about topic i % 100, published i minutes ago,
            # tagged with three distinct tags; ten comments on average, one in twenty hidden.
            cursor.execute(
                f"""
                INSERT INTO content_article (created_at, updated_at, title, slug, summary, body, body_html,
                    cover_image, cover_thumbnail, author_id, status, publish_at{extra_columns})
                SELECT now(), now(), 'Notes on ' || (%(topics)s::text[])[1 + i %% 100] || ' ' || i, 'article-' || i,
                    'A summary of article ' || i, body, '<p>' || body || '</p>', '', '',
                    (SELECT min(id) FROM accounts_user) + i %% %(authors)s, 'published',
                    now() - make_interval(mins => i){extra_values}
                FROM generate_series(1, %(articles)s) AS i,
                    LATERAL (SELECT 'Plain text about ' || (%(topics)s::text[])[1 + (i * 7) %% 100]
                        || ' and ' || (%(topics)s::text[])[1 + (i * 13) %% 100]
                        || ', written for the scale benchmark. ' || i) AS b(body)
                """,  # noqa: S608 - the f-string adds known column names; values are parameters
                {"topics": TOPICS, "authors": AUTHORS, "articles": ARTICLES},
            )
            cursor.execute(
                """
                INSERT INTO content_article_tags (article_id, tag_id)
                SELECT a.id, t.id FROM content_article a
                JOIN content_tag t ON t.slug IN ('tag-' || a.id % 100, 'tag-' || (a.id + 33) % 100,
                    'tag-' || (a.id + 67) % 100)
                """
            )
            cursor.execute(
                """
                INSERT INTO content_comment (created_at, updated_at, article_id, author_id, body, state)
                SELECT now() - make_interval(secs => c), now(),
                    (SELECT min(id) FROM content_article) + c %% %(articles)s,
                    (SELECT min(id) FROM accounts_user) + (c * 7) %% %(authors)s,
                    'Comment ' || c, CASE WHEN c %% 20 = 0 THEN 'hidden' ELSE 'visible' END
                FROM generate_series(1, %(comments)s) AS c
                """,
                {"articles": ARTICLES, "authors": AUTHORS, "comments": COMMENTS},
            )
            _fill_denormalised_columns(cursor, fields)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # visibility map and statistics, as a long-running database has
    print(f"seeded in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _fill_denormalised_columns(cursor, fields: set[str]) -> None:
    """The columns the services write beside the text (the comment count, the search document; older
    schemas also a copy of the tags), filled as the services would, for the columns present."""
    if "search_vector" in fields:
        from apps.content.models import Article
        from apps.content.services import ARTICLE_SEARCH_VECTOR

        Article.objects.update(search_vector=ARTICLE_SEARCH_VECTOR)
    if "comment_count" in fields:
        cursor.execute(
            """
            UPDATE content_article a SET comment_count = c.n FROM (
                SELECT article_id, count(*) AS n FROM content_comment WHERE state = 'visible' GROUP BY article_id
            ) c WHERE c.article_id = a.id
            """
        )
    if "tag_list" in fields:
        cursor.execute(
            """
            UPDATE content_article a SET tag_list = t.list FROM (
                SELECT at.article_id, jsonb_agg(jsonb_build_object('slug', tag.slug, 'name', tag.name)
                    ORDER BY tag.name) AS list
                FROM content_article_tags at JOIN content_tag tag ON tag.id = at.tag_id GROUP BY at.article_id
            ) t WHERE t.article_id = a.id
            """
        )


def _measure(client, path: str, *, after_change: bool) -> tuple[float, float, int, int]:
    from django.db import connection

    from apps.content.caching import content_cache_invalidate

    # A new content version before each request (outside the timing), as a write would leave it.
    prepare = content_cache_invalidate if after_change else lambda: None
    for _ in range(10):  # warm: connection, URL resolver, PostgreSQL's buffers for this read
        client.get(path)
    queries = []
    prepare()
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        status = client.get(path).status_code
    timings = []
    for _ in range(REQUESTS):
        prepare()
        started = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    return statistics.median(timings), p99, len(queries), status


def _explain(path: str, client) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            print(f"\n-- {path}\n{query['sql']}")
            print("\n".join(row[0] for row in cursor.fetchall()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reseed", action="store_true", help="empty the database and seed again")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of every query")
    args = parser.parse_args()

    _create_database()
    _configure_django()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from apps.accounts.models import User
    from apps.content.caching import content_cache_invalidate
    from apps.content.models import Article

    if args.reseed:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", interactive=False, verbosity=0)
    if not Article.objects.exists():
        print(f"seeding {ARTICLES:,} articles and {COMMENTS:,} comments", file=sys.stderr)
        _seed()
    else:
        # A migration may have rewritten rows since the seed; autovacuum would catch up in time, and
        # until then index-only scans read the heap. Quick when nothing changed.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE content_article, content_article_tags")

    setup_test_environment()  # lets the test client's host in
    client = Client()
    author_id = User.objects.filter(email="author7@example.com").values_list("pk", flat=True).get()
    print(f"{'read':32} {'p50 ms':>7} {'p99 ms':>7} {'queries':>7}  p99 target {TARGET_P99_MS:g} ms")
    missed = 0
    for name, template in READS:
        path = template.format(author_id=author_id)
        after_change = name.endswith("after a change")
        p50, p99, queries, status = _measure(client, path, after_change=after_change)
        if status != 200:
            raise SystemExit(f"{path} answered {status}; reseed with --reseed")
        verdict = "ok" if p99 < TARGET_P99_MS else f"MISSED by {p99 - TARGET_P99_MS:.1f} ms"
        missed += p99 >= TARGET_P99_MS
        print(f"{name:32} {p50:7.1f} {p99:7.1f} {queries:7d}  {verdict}")
        if args.explain:
            if after_change:
                content_cache_invalidate()
            _explain(path, client)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{REQUESTS} requests per read; {missed} of {len(READS)} reads over the p99 target; load average {load}")
    if missed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
