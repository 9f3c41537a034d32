"""Pages of a ``values()`` queryset with their total, from one query.

``SingleQueryPaginator`` (pagination.py) pages any ``PageSource``. Two kinds exist:
``QuerySetPages`` builds and compiles its queryset on every call, like any ORM read;
``CompiledPages`` compiles its queryset once per process and database and runs the SQL
again with new values. For a simple page query, building and compiling the queryset
costs Django more than PostgreSQL needs to run it (docs/benchmarks.md), so the busiest
fixed-shape lists use the compiled kind.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import connections
from django.db.models import Expression, Field, PositiveBigIntegerField, QuerySet, Subquery
from django.db.models.sql.compiler import SQLCompiler

Rows = list[dict[str, Any]]
_TOTAL = "_total"


class _SubqueryCount(Subquery):
    """The number of rows of a queryset, as a scalar subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = PositiveBigIntegerField()


def _with_total(queryset: QuerySet[Any, dict[str, Any]]) -> QuerySet[Any, dict[str, Any]]:
    """Each row carries the number of rows of the whole queryset. An uncorrelated subquery runs
    once per statement, and the page itself can still come from an index in LIMIT order;
    ``COUNT(*) OVER ()`` would make PostgreSQL read and sort every row to return twenty."""
    return queryset.annotate(**{_TOTAL: _SubqueryCount(queryset.order_by().values("pk"))})


class PageSource(Protocol):
    def page(self, offset: int, limit: int) -> tuple[Rows, int]:
        """Rows ``offset`` to ``offset + limit`` and the number of rows in all pages (0 when the page is empty)."""
        ...


def _split_total(rows: Rows) -> tuple[Rows, int]:
    total = rows[0][_TOTAL] if rows else 0
    for row in rows:
        del row[_TOTAL]
    return rows, total


class QuerySetPages:
    """Pages of a ``values()`` queryset; the total comes with the page's rows (``_with_total``)
    instead of from a separate ``COUNT`` query."""

    def __init__(self, queryset: QuerySet[Any, dict[str, Any]]) -> None:
        self.queryset = queryset

    def page(self, offset: int, limit: int) -> tuple[Rows, int]:
        return _split_total(list(_with_total(self.queryset)[offset : offset + limit]))


class Slot(Expression):
    """A value that ``CompiledPages`` receives on every run, in place of a constant of the queryset:
    ``Article.objects.filter(publish_at__lte=Slot("now", DateTimeField()))``."""

    def __init__(self, name: str, output_field: Field) -> None:
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(self, compiler: SQLCompiler, connection: Any) -> tuple[str, tuple[Any, ...]]:
        return "%s", (self,)


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]  # constants, and the Slots to fill in
    names: tuple[str, ...]
    converters: tuple[tuple[int, tuple[list[Callable[..., Any]], Any]], ...]


class CompiledPages:
    """Pages of a ``values()`` queryset, compiled to SQL the first time a database is asked
    and reused from then on: later pages skip the ORM's building and compiling, and get the
    rows converted exactly as the queryset would (JSON decoded, time zones applied).

    ``build(alias)`` returns the queryset, unsliced, with a ``Slot`` for every value that
    changes between runs; ``bind(**values)`` gives the page source for one set of values.
    """

    def __init__(self, build: Callable[[str], QuerySet[Any, dict[str, Any]]], *, slots: tuple[str, ...]) -> None:
        self._build = build
        self._slots = frozenset(slots)
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def bind(self, *, using: str = "default", **values: Any) -> PageSource:
        if set(values) != self._slots:
            raise TypeError(f"expected values for {sorted(self._slots)}, got {sorted(values)}")
        return _BoundPages(self, using, values)

    def compiled(self, using: str) -> _Compiled:
        compiled = self._compiled.get(using)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(using) or self._compile(using)
                self._compiled[using] = compiled
        return compiled

    def _compile(self, using: str) -> _Compiled:
        built = self._build(using)
        if built.query.is_sliced:
            raise ValueError("CompiledPages slices the queryset itself; build it unsliced")
        query = _with_total(built).query
        compiler = query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        named = {param.name for param in params if isinstance(param, Slot)}
        if named != self._slots:
            raise ValueError(f"the query's slots {sorted(named)} are not the declared {sorted(self._slots)}")
        names = (*query.extra_select, *query.values_select, *query.annotation_select)
        converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
        return _Compiled(
            sql=f"{sql} LIMIT %s OFFSET %s",
            params=tuple(params),
            names=names,
            converters=tuple(converters.items()),
        )


class _BoundPages:
    def __init__(self, pages: CompiledPages, using: str, values: dict[str, Any]) -> None:
        self._pages = pages
        self._using = using
        self._values = values

    def page(self, offset: int, limit: int) -> tuple[Rows, int]:
        compiled = self._pages.compiled(self._using)
        connection = connections[self._using]
        # Prepared the way the ORM prepares a constant compared with that field.
        values = {
            param.name: param.output_field.get_db_prep_value(self._values[param.name], connection)
            for param in compiled.params
            if isinstance(param, Slot)
        }
        params = [values[param.name] if isinstance(param, Slot) else param for param in compiled.params]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, [*params, limit, offset])
            fetched = cursor.fetchall()
        width = len(compiled.names)
        rows = []
        for fetched_row in fetched:
            row = list(fetched_row[:width])
            for position, (functions, expression) in compiled.converters:
                value = row[position]
                for function in functions:
                    value = function(value, expression, connection)
                row[position] = value
            rows.append(dict(zip(compiled.names, row, strict=True)))
        return _split_total(rows)
