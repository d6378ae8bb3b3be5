"""The SQL guard: the one gate every read-only statement passes, from ``ask`` and ``runSql`` alike.

The seed system ran whatever text came in. Here a statement is *parsed*
(sqlglot, Redshift dialect) and judged on its syntax tree, and the statement
that runs is the one sqlglot renders back from that tree, never the raw text:
comments, odd spacing and anything the parser did not understand are gone.

Rules, each refusal naming the one it broke (ValidationError, field "sql"):

- the text is at most MAX_SQL_CHARS characters with no control or invisible
  characters (zero-width, bidi overrides: what you see is what runs);
- it parses, as exactly one statement, and that statement is a query
  (SELECT, or a set operation of SELECTs);
- no node anywhere in the tree writes, defines, grants or controls anything:
  no INSERT/UPDATE/DELETE/MERGE (also inside a CTE), no DDL, no GRANT, COPY,
  UNLOAD, CALL, SET, transaction control, no ``SELECT ... INTO``, no
  ``FOR UPDATE``, and no exp.Command (what sqlglot could not parse);
- it reads only the three tables (plus CTEs it defines itself, resolved
  by scope so a CTE cannot lend its name to a system table outside it), with
  no schema or database qualifier: no pg_*, stl_*, svv_*, information_schema;
- every function is on an allowlist (aggregates, windows, dates, strings,
  arithmetic); an unknown function is refused, not looked up in a denylist;
- functions that allocate are bounded before they run: LPAD/RPAD to a
  literal length of at most MAX_PAD, REPLACE by a literal of at most
  MAX_REPLACEMENT characters and never nested in another (each one
  multiplies); ``LPAD('a', 2147483647)`` would grow the warehouse by
  gigabytes in one call that no deadline can interrupt (REPEAT, RANGE,
  GENERATE_SERIES are not on the allowlist at all);
- every ``:name`` parameter is bound;
- the outermost query has a LIMIT no larger than the row cap: absent or
  larger, it becomes cap + 1 (the extra row tells the caller "truncated").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.dialects.redshift import Redshift
from sqlglot.errors import ErrorLevel, SqlglotError
from sqlglot.generators.redshift import RedshiftGenerator
from sqlglot.optimizer.scope import traverse_scope

from resolvers.core.errors import ValidationError
from resolvers.core.tables import Table

FIELD = "sql"
MAX_SQL_CHARS = 20_000
"""Far above any question's SQL; stops pathological input before the parser sees it."""

TABLES = frozenset(table.value for table in Table)

MAX_PAD = 1000
"""Longest LPAD/RPAD result: far above any stored name (255)."""
MAX_REPLACEMENT = 255

_WRITES: tuple[type[exp.Expression], ...] = tuple(
    getattr(exp, name)
    for name in (
        "Insert", "Update", "Delete", "Merge", "Create", "Drop", "Alter", "AlterColumn",
        "RenameTable", "TruncateTable", "Grant", "Revoke", "Copy", "Command", "Set",
        "Transaction", "Commit", "Rollback", "Use", "Analyze", "Pragma", "Describe", "Kill",
        "LoadData", "Cache", "Uncache", "Refresh", "Comment", "Into", "Lock", "Export",
        "Attach", "Detach", "Install", "Summarize", "Show",
    )
    if hasattr(exp, name)
)  # fmt: skip
"""Node types that do anything but read; found anywhere in the tree, the statement is refused."""

ALLOWED_FUNCTIONS: frozenset[type[exp.Func]] = frozenset(
    getattr(exp, name)
    for name in (
        # operators sqlglot models as functions
        "And", "Or", "Xor", "Collate", "RegexpLike", "RegexpILike",
        # aggregates
        "Count", "Sum", "Avg", "Min", "Max", "Median", "Stddev", "StddevPop", "StddevSamp",
        "Variance", "VariancePop", "PercentileCont", "PercentileDisc",
        # window functions
        "RowNumber", "Rank", "DenseRank", "Ntile", "PercentRank", "CumeDist", "Lag", "Lead",
        "FirstValue", "LastValue",
        # conditionals and casts
        "Case", "If", "Coalesce", "Nullif", "Greatest", "Least", "Cast", "TryCast",
        # dates and times
        "Extract", "DateTrunc", "TimestampTrunc", "TimeToStr", "TsOrDsAdd", "TsOrDsDiff",
        "DateAdd", "DateDiff", "TimestampAdd", "TimestampDiff", "CurrentDate",
        "CurrentTimestamp", "Year", "Quarter", "Month", "Day", "DayOfWeek", "DayOfYear",
        "StrToTime", "StrToDate", "TsOrDsToDate", "Date", "LastDay",
        # strings
        "Lower", "Upper", "Trim", "Length", "Left", "Right", "Substring", "StrPosition",
        "Concat", "Initcap", "Replace", "Pad", "SplitPart",
        # arithmetic
        "Round", "Floor", "Ceil", "Abs", "Sqrt", "Pow", "Ln", "Log", "Exp", "Sign", "Mod",
    )
    if hasattr(exp, name)
)  # fmt: skip
"""Functions a read of the three tables may call; anything else (pg_sleep, version,
current_user, read_csv, generate_series ...) is refused by omission."""


class _RedshiftDataApi(Redshift):
    """Redshift as the Data API takes it: named parameters spelt ``:name``.

    sqlglot's Redshift inherits Postgres's ``%(name)s``, which the Data API
    does not understand; everything else is Redshift unchanged.
    """

    class Generator(RedshiftGenerator):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # Quotes inside strings are doubled (standard SQL), never backslash-escaped:
            # the rendering then means the same whether or not a reader honours backslashes.
            self._escaped_quote_end = "''"

        def placeholder_sql(self, expression: exp.Placeholder) -> str:
            return f":{expression.name}" if expression.this else "?"


@dataclass(frozen=True, slots=True)
class SafeQuery:
    """A statement that passed the guard, ready for Warehouse.query."""

    sql: str
    """Redshift dialect, re-rendered from the parsed tree, LIMIT in place."""
    row_limit: int
    """Rows to hand back; the statement may return one more, meaning 'truncated'."""


def guard(sql: str, row_cap: int, parameters: Collection[str] = ()) -> SafeQuery:
    """Judge one statement; return it re-rendered, or raise ValidationError naming the rule."""
    _check_text(sql)
    return guard_tree(_parse_one(sql), row_cap, parameters)


def guard_tree(root: exp.Query, row_cap: int, parameters: Collection[str] = ()) -> SafeQuery:
    """Judge a statement already built as a tree (the question engines' own SQL).

    The tree is rendered, its text checked and parsed back, and every rule is
    applied to that parse of the very text that will run: what was judged is
    what runs. (Text from a caller is parsed once more first, by ``guard``.)
    """
    built = root.copy()
    row_limit = _cap_limit(built, row_cap)
    rendered = _generate(built)
    _check_text(rendered)
    parsed = _parse_one(rendered)
    _check_read_only(parsed)
    _check_tables(parsed)
    _check_functions(parsed)
    _check_allocations(parsed)
    _check_parameters(parsed, parameters)
    if _cap_limit(parsed, row_cap) != row_limit:
        raise _refuse("must mean the same when re-rendered (it did not survive a round trip)")
    return SafeQuery(sql=rendered, row_limit=row_limit)


def _generate(root: exp.Query) -> str:
    try:
        return root.sql(
            dialect=_RedshiftDataApi, comments=False, unsupported_level=ErrorLevel.RAISE
        )
    except (SqlglotError, RecursionError) as error:
        raise _refuse(f"must render back as Redshift SQL ({_first_line(error)})") from None


def render(tree: exp.Expr) -> str:
    """A tree as the Redshift text the guard reads and the Data API runs (``:name`` kept)."""
    return tree.sql(dialect=_RedshiftDataApi, comments=False)


def _render(root: exp.Query) -> str:
    """The statement that will run, checked to parse back to the very tree that was judged."""
    try:
        rendered = root.sql(
            dialect=_RedshiftDataApi, comments=False, unsupported_level=ErrorLevel.RAISE
        )
        reparsed = sqlglot.parse(rendered, read="redshift")
    except (SqlglotError, RecursionError) as error:
        raise _refuse(f"must render back as Redshift SQL ({_first_line(error)})") from None
    if len(reparsed) != 1 or reparsed[0] != root:
        raise _refuse("must mean the same when re-rendered (it did not survive a round trip)")
    return rendered


def _refuse(rule: str) -> ValidationError:
    return ValidationError(FIELD, rule)


def _first_line(error: Exception) -> str:
    """The parser's complaint in plain words: never a sqlglot class name."""
    text = str(error).strip()
    if not text:
        return "it cannot be parsed"
    line = text.splitlines()[0]
    line = _MISSING.sub(lambda m: f"an incomplete {_node_words(m.group(1))}", line)
    line = _UNEXPECTED.sub("an unexpected word or symbol", line)
    line = _CLASS.sub(lambda m: _node_words(m.group(1)), line)
    line = _POSITION.sub(lambda m: f" at line {m.group(1)}, column {m.group(2)}", line)
    return line.rstrip(". ")[:200]


_MISSING = re.compile(r"Required keyword: '\w+' missing for <class '(?:\w+\.)*(\w+)'>")
_UNEXPECTED = re.compile(r"Invalid expression / Unexpected token")
_CLASS = re.compile(r"<class '(?:\w+\.)*(\w+)'>")
_POSITION = re.compile(r"\.? Line (\d+), Col: (\d+)")

_NODE_WORDS = {
    "Add": "addition (+)", "Sub": "subtraction (-)", "Mul": "multiplication (*)",
    "Div": "division (/)", "Mod": "remainder (%)", "EQ": "comparison (=)",
    "NEQ": "comparison (<>)", "GT": "comparison (>)", "GTE": "comparison (>=)",
    "LT": "comparison (<)", "LTE": "comparison (<=)", "And": "AND", "Or": "OR", "Not": "NOT",
    "Order": "ORDER BY", "Group": "GROUP BY", "Where": "WHERE", "Having": "HAVING",
    "Limit": "LIMIT", "Select": "SELECT", "Join": "JOIN", "Like": "LIKE", "ILike": "ILIKE",
    "In": "IN", "Between": "BETWEEN", "Case": "CASE", "If": "CASE", "Cast": "CAST",
    "Alias": "alias (AS)", "Is": "IS", "Paren": "parenthesis", "Anonymous": "function call",
    "Values": "VALUES", "Subquery": "query in parentheses", "Union": "UNION",
}  # fmt: skip
"""sqlglot's node classes in the words a SQL user knows."""


def _node_words(name: str) -> str:
    known = _NODE_WORDS.get(name)
    if known:
        return known
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


_STATEMENTS = (
    exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Create, exp.Drop, exp.Alter,
    exp.Set, exp.Use, exp.Describe, exp.Values, exp.Transaction, exp.Commit, exp.Rollback,
)  # fmt: skip


def _what(root: Any) -> str:
    """A refused root statement named for a person: INSERT, VALUES, or a bare expression."""
    if isinstance(root, exp.Subquery):
        return "a query in parentheses"
    if isinstance(root, _STATEMENTS):
        return root.key.upper()
    return "a bare expression"


def _check_text(sql: str) -> None:
    if not sql.strip():
        raise _refuse("must not be empty")
    if len(sql) > MAX_SQL_CHARS:
        raise _refuse(f"must be at most {MAX_SQL_CHARS} characters, got {len(sql)}")
    for position, char in enumerate(sql):
        if char in "\t\n\r":
            continue
        if unicodedata.category(char) in {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}:
            raise _refuse(
                f"must not contain control or invisible characters "
                f"(U+{ord(char):04X} at position {position})"
            )


def _parse_one(sql: str) -> exp.Query:
    try:
        statements = [s for s in sqlglot.parse(sql, read="redshift") if s is not None]
    except (SqlglotError, RecursionError) as error:
        raise _refuse(f"must be valid Redshift SQL ({_first_line(error)})") from None
    if len(statements) != 1:
        raise _refuse(f"must be exactly one statement, got {len(statements)}")
    (root,) = statements
    if isinstance(root, exp.Command):
        raise _refuse(f"must be a query; {root.name.upper() or 'this command'} is not one")
    if not isinstance(root, exp.Query) or isinstance(root, exp.Subquery):
        raise _refuse(f"must be a query (SELECT), not {_what(root)}")
    return root


def _check_read_only(root: exp.Query) -> None:
    for node in root.walk():
        if isinstance(node, _WRITES):
            what = "SELECT ... INTO" if isinstance(node, exp.Into) else node.key.upper()
            if isinstance(node, exp.Lock):
                what = "FOR UPDATE/SHARE (a locking read)"
            raise _refuse(f"must only read; {what} is not allowed")


def _check_tables(root: exp.Query) -> None:
    for node in root.find_all(exp.Table):
        if not isinstance(node.this, exp.Identifier):
            raise _refuse("must read tables only, not table functions")
        if node.args.get("db") or node.args.get("catalog"):
            raise _refuse(f"must use the three tables unqualified, not {node.sql('redshift')}")
    for column in root.find_all(exp.Column):
        if column.args.get("db") or column.args.get("catalog"):
            raise _refuse(f"must not qualify columns with a schema: {column.sql('redshift')}")
    try:
        scopes = traverse_scope(root)
    except (SqlglotError, RecursionError) as error:
        raise _refuse(f"must have resolvable table references ({_first_line(error)})") from None
    for scope in scopes:
        for source in scope.sources.values():
            if isinstance(source, exp.Table) and source.name.lower() not in TABLES:
                raise _refuse(
                    f"may read only {', '.join(sorted(TABLES))} (and its own CTEs), "
                    f"not {source.name}"
                )


def _check_functions(root: exp.Query) -> None:
    for node in root.find_all(exp.Func):
        if type(node) not in ALLOWED_FUNCTIONS:
            name = node.name if isinstance(node, exp.Anonymous) else node.sql_name()
            raise _refuse(f"may call only allowlisted functions; {name.upper()} is not one")


def _check_allocations(root: exp.Query) -> None:
    for pad in root.find_all(exp.Pad):
        name = "LPAD" if pad.args.get("is_left") else "RPAD"
        length = _literal_int(pad.args.get("expression"))
        if length is None or not 0 <= length <= MAX_PAD:
            raise _refuse(f"{name}'s length must be a number from 0 to {MAX_PAD}")
    for replace in root.find_all(exp.Replace):
        replacement = replace.args.get("replacement")
        if replacement is not None and not (
            isinstance(replacement, exp.Literal)
            and replacement.is_string
            and len(replacement.this) <= MAX_REPLACEMENT
        ):
            raise _refuse(
                f"REPLACE's replacement must be text of at most {MAX_REPLACEMENT} characters"
            )
        if replace.this.find(exp.Replace):
            raise _refuse("REPLACE must not be nested in REPLACE")


def _check_parameters(root: exp.Query, bound: Collection[str]) -> None:
    for node in root.find_all(exp.Placeholder, exp.Parameter):
        name = node.name
        if not isinstance(node, exp.Placeholder) or not name or name not in bound:
            raise _refuse(f"has a parameter with no value: {node.sql('redshift')}")


def _cap_limit(root: exp.Query, row_cap: int) -> int:
    """Keep a LIMIT within the cap; set cap + 1 so one extra row reveals truncation."""
    limit = root.args.get("limit")
    asked = None
    if isinstance(limit, exp.Limit):
        asked = _literal_int(limit.expression)
    elif isinstance(limit, exp.Fetch) and not limit.args.get(
        "limit_options", exp.Expression()
    ).args.get("with_ties"):
        asked = _literal_int(limit.args.get("count"))
    row_limit = asked if asked is not None and 0 <= asked <= row_cap else row_cap
    fetch = row_limit if row_limit == asked else row_cap + 1
    root.set("limit", exp.Limit(expression=exp.Literal.number(fetch)))
    return row_limit


def _literal_int(node: exp.Expression | None) -> int | None:
    if isinstance(node, exp.Literal) and node.is_int:
        return int(node.this)
    return None
