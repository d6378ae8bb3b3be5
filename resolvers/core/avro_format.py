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

import itertools
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
        recorded = _Recorder(source)
        reader = fastavro.reader(cast(IO[bytes], recorded))
        written = reader.writer_schema
        full_name = written.get("name", "") if isinstance(written, dict) else ""
        writer_name = str(full_name).rsplit(".", 1)[-1]
        if writer_name != table.value:
            raise ValidationError("backupId", f"holds {writer_name!r} rows, not {table.value}")
        if _layout(written) != _layout(_PARSED[table]):
            # an older layout: read again from the start, resolving into today's schema
            # (same-layout files skip resolution, which costs fastavro half its speed)
            replay = cast(IO[bytes], recorded.replay())
            reader = fastavro.reader(replay, reader_schema=_PARSED[table])
        else:
            recorded.stop()
        rows = iter(reader)
        while chunk := list(itertools.islice(rows, chunk_rows)):
            yield chunk  # type: ignore[misc]
    except HrgraphError:
        raise  # our own verdicts, and the store's Unavailable, pass unchanged
    except Exception as error:  # fastavro reports damage as many types (EOF, zlib, schema)
        raise ValidationError(
            "backupId", f"is not a readable Avro backup of {table.value}: {error}"
        ) from error


class _Counter:
    """Counts rows a chunk at a time; fastavro flattens the chunks in C (chain)."""

    def __init__(self, chunks: Iterable[Sequence[Row]]) -> None:
        self._chunks = chunks
        self.rows = 0

    def __iter__(self) -> Iterator[Row]:
        return itertools.chain.from_iterable(self._counted())

    def _counted(self) -> Iterator[Sequence[Row]]:
        for chunk in self._chunks:
            self.rows += len(chunk)
            yield chunk


def _layout(schema: Any) -> Any:
    """A schema without its docs and fastavro's bookkeeping, for comparing layouts."""
    if isinstance(schema, dict):
        return {k: _layout(v) for k, v in schema.items() if k != "doc" and not k.startswith("__")}
    if isinstance(schema, list):
        return [_layout(item) for item in schema]
    return schema


class _Recorder:
    """Reads through, keeping what the header parse consumed so it can be replayed."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self._seen = bytearray()
        self._recording = True

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        if self._recording:
            self._seen += data
            if len(self._seen) > 1 << 20:
                self._recording = False  # headers are small; never hold a whole file
                self._seen.clear()
        return data

    def stop(self) -> None:
        self._recording = False
        self._seen.clear()

    def replay(self) -> _Replay:
        if not self._recording:
            raise ValueError("the file header is too large to replay")
        self._recording = False
        return _Replay(bytes(self._seen), self._source)


class _Replay:
    """The bytes already read, then the rest of the source."""

    def __init__(self, head: bytes, rest: Source) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int = -1) -> bytes:
        if not self._head:
            return self._rest.read(size)
        if size < 0:
            data, self._head = self._head + self._rest.read(), b""
            return data
        data, self._head = self._head[:size], self._head[size:]
        if len(data) < size:
            data += self._rest.read(size - len(data))
        return data
