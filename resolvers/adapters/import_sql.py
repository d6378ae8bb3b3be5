"""The import's rules as SQL text (sql/imports, Redshift dialect), shared by both warehouses.

The fragments (``id_problem``, ``name_problem``, ``datetime_problem``,
``py_repr``) are filled into the judge statements here, so each rule is
written once. What is filled in comes from closed sets the code owns (table
and column names, character classes built below); values travel as the
``:now`` and ``:missing`` parameters.
"""

from __future__ import annotations

import sys

from resolvers.adapters import sqltext
from resolvers.adapters.redshift_literals import quote_string
from resolvers.core.tables import COLUMNS, Table

_SPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
"""What Python's str.strip() strips (validation.py strips cells with it), as characters."""

LEAD = quote_string(f"^[{_SPACE}]+")
TRAIL = quote_string(f"[{_SPACE}]+$")
CONTROL = "'[' || CHR(1) || '-' || CHR(31) || CHR(127) || '-' || CHR(159) || ']'"
"""validation._UNSTORABLE without NUL (no file cell holds one) and lone surrogates (no UTF-8)."""
PLAIN_NAME = quote_string(
    "^[^" + _SPACE + "][^" + "".join(chr(c) for c in (*range(1, 32), *range(127, 160))) + "]*$"
)
"""A name that starts with no space and holds no control character (the common case)."""
BEFORE_CONTROL = "'^[^' || CHR(1) || '-' || CHR(31) || CHR(127) || '-' || CHR(159) || ']*'"

UNDATED = quote_string(
    "no hire date (rows without one are rejected unless they are to be dated now)"
)
"""client/loading.UNDATED_MESSAGE: a file's row without a datetime, refused as the load does."""

_NAME_COLUMN = {Table.DEPARTMENTS: "department", Table.JOBS: "job"}
_API_FIELDS = {"department_id": "departmentId", "job_id": "jobId"}


def _fragment(fragment: str, **values: str) -> str:
    return "(" + sqltext.redshift(f"imports/{fragment}", **values) + ")"


def _repr(value: str) -> str:
    return _fragment("py_repr", value=value)


def _id_problem(text: str, *, required: bool) -> str:
    absent = "'is required'" if required else "NULL"
    return _fragment("id_problem", text=text, absent=absent, repr=_repr(f"LEFT({text}, 40)"))


def _control_problem(cell: str) -> str:
    return _fragment("control_problem", cell=cell, before=f"({BEFORE_CONTROL})")


def _name_problem(cell: str) -> str:
    return _fragment(
        "name_problem",
        cell=cell,
        lead=LEAD,
        control=f"({CONTROL})",
        control_problem=_control_problem(cell),
    )


def fast_employees() -> str:
    """True for a staged employee row (its cells as columns) that plainly keeps every rule."""
    return _fragment(
        "fast_employees",
        id="id",
        name_cell="name",
        datetime="datetime",
        department_id="department_id",
        job_id="job_id",
        plain_name=PLAIN_NAME,
    )


def judge(
    table: Table,
    staged: str,
    judged: str,
    position: str,
    line: str,
    fast: str | None = None,
) -> str:
    """CREATE TEMP TABLE ``judged``: each staged row's own verdict and its typed values.

    ``position`` numbers the staged rows in file order; ``line`` is the SQL of a row's
    line in the file (from ``position``). ``fast`` is the SQL that is true for a row that
    keeps the fast rules (``fast_employees()`` when None); DuckDB, which keeps those rows
    apart as it reads the file (duckdb_import.py), judges only the others and passes FALSE.
    """
    common = {
        "staged": staged,
        "judged": judged,
        "position": position,
        "line": line,
        "lead": LEAD,
        "trail": TRAIL,
        "id_problem": _id_problem("id_text", required=True),
    }
    if table is Table.HIRED_EMPLOYEES:
        return sqltext.redshift(
            "imports/judge_employees",
            **common,
            name_problem=_name_problem("name"),
            datetime_problem=_fragment(
                "datetime_problem",
                text="datetime_text",
                absent="NULL",
                repr=_repr("LEFT(datetime_text, 40)"),
                control=f"({CONTROL})",
                control_problem=_control_problem("datetime_text"),
            ),
            department_problem=_id_problem("department_text", required=False),
            job_problem=_id_problem("job_text", required=False),
            undated=UNDATED,
            fast=fast or fast_employees(),
        )
    name = _NAME_COLUMN[table]
    return sqltext.redshift(
        "imports/judge_dimension",
        **common,
        name_column=name,
        name_problem=_name_problem("name"),
    )


def repeated(table: Table, judged: str, repeated_table: str) -> str | None:
    """CREATE TEMP TABLE ``repeated_table``: the ids more than one valid row holds, with the
    line of the first (employees; departments and jobs decide it in ``judge``)."""
    if table is Table.HIRED_EMPLOYEES:
        return sqltext.redshift(
            "imports/repeated_employees", judged=judged, repeated=repeated_table
        )
    return None


def rejected(table: Table, judged: str, rejected_table: str, repeated_table: str) -> str:
    """CREATE TEMP TABLE ``rejected_table``: every row refused, with its final verdict."""
    if table is Table.HIRED_EMPLOYEES:
        return sqltext.redshift(
            "imports/rejected_employees",
            judged=judged,
            rejected=rejected_table,
            repeated=repeated_table,
        )
    return sqltext.redshift(
        "imports/rejected_dimension", judged=judged, rejected=rejected_table, table=table.value
    )


def insert_accepted(table: Table, judged: str, rejected_table: str) -> str:
    return sqltext.redshift(
        "imports/insert_accepted",
        table=table.value,
        columns=", ".join(COLUMNS[table]),
        judged=judged,
        rejected=rejected_table,
    )


def rejected_counts(rejected_table: str) -> str:
    return sqltext.redshift("imports/rejected_counts", rejected=rejected_table)


def rejects_file(table: Table, rejected_table: str, staged: str, position: str) -> str:
    """The rejects file's rows; the cells keep the table's column names as headers."""
    cells = ", ".join(f"s.{c}" for c in COLUMNS[table])
    return sqltext.redshift(
        "imports/rejects_file",
        rejected=rejected_table,
        staged=staged,
        position=position,
        cells=cells,
    )


def api_field(column: str) -> str:
    return _API_FIELDS.get(column, column)
