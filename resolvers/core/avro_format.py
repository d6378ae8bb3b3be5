"""The backup file format: one Avro container file per table, as Redshift COPY reads it.

Why fastavro sits in the core: the Avro layout is not an interchangeable
outside system but the product's contract (Redshift ``COPY ... FORMAT AS AVRO
'auto'`` loads these files, old files must keep restoring), and fastavro is a
pure format library that only encodes and decodes bytes on streams it is
handed. A port with a fake would prove nothing the real codec does not;
I/O stays behind the BackupStore port.

Layout rules:
- a named record per table (``hrgraph.<table>``), fields named exactly like
  the lowercase columns, so COPY's 'auto' matches them by name;
- ids ``long``, optional references ``["null", "long"]`` with default null;
- ``datetime`` as ``timestamp-millis`` (UTC instants; the tables keep ms);
- codecs deflate (default) or snappy, the ones COPY reads besides null.

Old files restore through Avro schema resolution: the writer's schema travels
in the file header, and reading with today's schema as reader schema widens
``int`` to ``long`` and fills added nullable fields with their default.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from typing import IO, Any, Protocol, cast

import fastavro

from resolvers.core.errors import HrgraphError, ValidationError
from resolvers.core.tables import Table

SCHEMA_VERSION = 1
"""Bump when a table's Avro schema changes; restores accept this version and older ones."""

NAMESPACE = "hrgraph"
SYNC_INTERVAL = 256 * 1024
"""Bytes of encoded rows per Avro block: big blocks compress better and write faster."""

Row = dict[str, Any]


class Sink(Protocol):
    """Where encoded bytes go (a file, an upload, a hashing wrapper)."""

    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...

    def seekable(self) -> bool: ...


class Source(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class Codec(StrEnum):
    """Block compression; the value is fastavro's (and Avro's) codec name."""

    DEFLATE = "deflate"
    SNAPPY = "snappy"

    @classmethod
    def from_graphql(cls, name: str | None) -> Codec:
        return cls.DEFLATE if name is None else cls[name]


_REFERENCE = {"type": ["null", "long"], "default": None}
_FIELDS: dict[Table, list[dict[str, Any]]] = {
    Table.DEPARTMENTS: [
        {"name": "id", "type": "long"},
        {"name": "department", "type": "string"},
    ],
    Table.JOBS: [
        {"name": "id", "type": "long"},
        {"name": "job", "type": "string"},
    ],
    Table.HIRED_EMPLOYEES: [
        {"name": "id", "type": "long"},
        {"name": "name", "type": "string"},
        {"name": "datetime", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "department_id", **_REFERENCE},
        {"name": "job_id", **_REFERENCE},
    ],
}


def schema(table: Table) -> dict[str, Any]:
    """Today's Avro schema of a table (a plain JSON-able dict)."""
    return {
        "type": "record",
        "name": table.value,
        "namespace": NAMESPACE,
        "doc": f"hrgraph {table.value}, backup schema version {SCHEMA_VERSION}",
        "fields": [dict(f) for f in _FIELDS[table]],
    }


_PARSED: dict[Table, Any] = {table: fastavro.parse_schema(schema(table)) for table in Table}


def write(out: Sink, table: Table, codec: Codec, chunks: Iterable[Sequence[Row]]) -> int:
    """Stream chunks of rows into one Avro container file; returns the row count.

    Rows map column names to values; ``datetime`` as int epoch milliseconds
    (UTC) or an aware datetime. fastavro pulls rows lazily, so memory holds
    one chunk and one block at a time.
    """
    counted = _Counter(chunks)
    fastavro.writer(
        cast(IO[bytes], out),  # fastavro calls only write, flush and seekable
        _PARSED[table],
        counted,
        codec=codec.value,
        sync_interval=SYNC_INTERVAL,
        metadata={"hrgraph.table": table.value, "hrgraph.schema_version": str(SCHEMA_VERSION)},
    )
    return counted.rows


def read(source: Source, table: Table, chunk_rows: int) -> Iterator[list[Row]]:
    """Decode a backup file into chunks of rows in today's schema.

    ``datetime`` comes back as an aware UTC datetime. Anything that is not a
    readable Avro file of this table (wrong record name, damaged block,
    truncated stream, incompatible schema) is a ValidationError on backupId.
    """
    try:
        reader = fastavro.reader(cast(IO[bytes], source), reader_schema=_PARSED[table])
        written = reader.writer_schema
        full_name = written.get("name", "") if isinstance(written, dict) else ""
        writer_name = str(full_name).rsplit(".", 1)[-1]
        if writer_name != table.value:
            raise ValidationError("backupId", f"holds {writer_name!r} rows, not {table.value}")
        chunk: list[Row] = []
        for row in reader:
            chunk.append(row)  # type: ignore[arg-type]
            if len(chunk) >= chunk_rows:
                yield chunk
                chunk = []
        if chunk:
            yield chunk
    except HrgraphError:
        raise  # our own verdicts, and the store's Unavailable, pass unchanged
    except Exception as error:  # fastavro reports damage as many types (EOF, zlib, schema)
        raise ValidationError(
            "backupId", f"is not a readable Avro backup of {table.value}: {error}"
        ) from error


class _Counter:
    """Flattens chunks into rows for fastavro, counting as they pass."""

    def __init__(self, chunks: Iterable[Sequence[Row]]) -> None:
        self._chunks = chunks
        self.rows = 0

    def __iter__(self) -> Iterator[Row]:
        for chunk in self._chunks:
            self.rows += len(chunk)
            yield from chunk
