"""Load: upload a CSV, check it against a table, send it in batches of 1000, see what was rejected.

A file of more than 10,000 lines goes another way (streamlit_app/importing.py
says why there): one upload to the link importUploadUrl hands out, one
import job followed step by step, then the counts per reason and the first
rejected rows (to fix in place and send again, as one batch), with the whole
rejects file to download.

Everything below the uploader is keyed on the file's identity (name and a
hash of its bytes): choosing another file starts a fresh table picker,
preview, check, button and summary, so they always speak of the same file.
Before sending, every row is checked here (streamlit_app/uploads.py) and the
problems are counted by reason; rows with no hire date wait for a choice
(reject them, the default, or date them now). After sending, the rejects are
grouped by reason, each group opens its rows, and rejected rows can be fixed
in place and sent again.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from client.api import HrClient
from client.csvfile import COLUMNS, CsvFormatError
from client.errors import error_class
from client.loading import REJECTED_COLUMNS, Undated
from client.models import BackupJob, Table
from streamlit_app import importing, plain_errors, session, uploads

signed_in = session.require()
REJECTS_LINK = "load.rejects_link"
"""The import's rejects link in use: (job id, BackupDownload), renewed before it expires."""
UNDATED_CHOICES = {
    Undated.REJECT: "Reject them (they go to the rejected rows, to fix and send again)",
    Undated.NOW: "Date them now (the moment of loading, UTC)",
}


@st.cache_data(ttl=60, show_spinner=False)
def _existing_ids(url: str, _api: HrClient) -> dict[str, set[int]]:
    """Department and job ids that exist, for the check before sending (cleared on writes)."""
    return {
        "department_id": {d.id for d in _api.iter_departments(page_size=1000)},
        "job_id": {j.id for j in _api.iter_jobs(page_size=1000)},
    }


def _empty_references(known: dict[str, set[int]], check: uploads.Check) -> str | None:
    """Employees before departments or jobs: which of those tables are empty, in words."""
    empty = [name for name, column in (("departments", "department_id"), ("jobs", "job_id"))
             if not known[column] and check.counts[("UNKNOWN_REFERENCE", column)]]  # fmt: skip
    if not empty:
        return None
    tables = " and ".join(empty)
    verb = "are" if len(empty) > 1 else "is"
    return (
        f"**{tables} {verb} empty**: every row that names a "
        f"{' or '.join(t.removesuffix('s') for t in empty)} will be rejected "
        f"(UNKNOWN_REFERENCE). Load {' and '.join(f'{t}.csv' for t in empty)} first, "
        "then this file."
    )


def _show_preview(
    name: str, table: Table, file_key: str, read: Callable[[], uploads.Preview], whole: bool
) -> tuple[uploads.Preview, str | None]:
    """Read the file as ``table`` (or stop, saying why not), show its first rows and what would
    keep it from being sent: one preview for the batch and the import path, so they read alike.
    ``whole``: the preview read the whole file, so its row count is the file's (the import path
    reads only the head, and says the file's lines itself).
    """
    try:
        preview = read()
    except (CsvFormatError, UnicodeDecodeError, csv.Error) as error:
        st.error(f"**{name}** cannot be read as {table.value}: {uploads.read_problem(error)}")
        st.stop()
    header = "with a header row" if preview.header else "without a header row"
    rows = f"**{preview.rows:,}** rows, " if whole else ""
    st.write(f"**{name}**: {rows}{header}. First rows as {table.value}:")
    st.dataframe(preview.frame, hide_index=True, width="stretch", key=f"preview:{file_key}")
    problem = uploads.mismatch(preview, table)
    if problem:
        st.warning(f"Nothing will be sent. {problem}")
    return preview, problem


def _show_sent_again(outcome: uploads.LoadOutcome) -> None:
    """What a resend of fixed rows did, worded alike on the batch and the import path."""
    words = f"Sent again: {outcome.inserted:,} of {outcome.received:,} rows inserted"
    if outcome.rejected.empty:
        st.success(words + ".")
        return
    reasons = ", ".join(
        f"{r.reason} · {r.field} ({r.rows})"
        for r in uploads.reject_groups(outcome.rejected).itertuples()
    )
    st.warning(f"{words}; still rejected: {reasons}.")


def _mib(size: float) -> str:
    return f"{size / 2**20:,.1f} MiB"


def _import_large(table: Table, name: str, content: bytes, file_key: str) -> None:
    """The large-file path: preview the head, one import job with its steps, what it did."""
    lines = importing.line_count(content)
    st.info(
        f"**{name}** has **{lines:,}** lines ({_mib(len(content))}): more than "
        f"{importing.IMPORT_ABOVE_ROWS:,}, so it goes to the server as **one import job**: "
        "one upload, then every row checked and the accepted ones inserted in one transaction. "
        f"Files up to {importing.IMPORT_ABOVE_ROWS:,} lines go in batches of 1000, checked here "
        "first."
    )
    head = importing.head(content)
    _, problem = _show_preview(
        name, table, file_key, lambda: uploads.preview(name, head, table), whole=False
    )
    undated = Undated.REJECT
    if table is Table.HIRED_EMPLOYEES and problem is None:
        undated = st.radio(
            "Rows with no hire date",
            list(UNDATED_CHOICES),
            format_func=UNDATED_CHOICES.__getitem__,
            key=f"undated:{file_key}",
            help="The server counts them; a historic file's empty date is not today.",
        )
    label = f"Import {lines:,} lines of {name} into {table.value}"
    if st.button(label, type="primary", key=f"import:{file_key}", disabled=problem is not None):
        bar = st.progress(0.0, text=f"Uploading {name}…")
        st.caption(
            "The server reports each step when it finishes, with the rows it counted. A step "
            "is one statement over the whole file, so there is no percentage to show within it."
        )
        checklist = st.empty()
        sent = [0]
        counted: dict[str, int] = {}  # each step's rows, kept across polls

        def on_bytes(size: int) -> None:
            sent[0] += size
            done = min(sent[0] / max(len(content), 1), 1.0)
            bar.progress(done, text=f"Uploaded {_mib(sent[0])} of {_mib(len(content))}")

        def on_change(job: BackupJob) -> None:
            checklist.markdown(importing.steps_markdown(job, counted))

        try:
            imported = importing.run(
                signed_in.client, table, name, content, undated, on_bytes, on_change
            )
        except session.CALL_ERRORS as error:
            plain_errors.show(error, after="Nothing was imported.")
            st.stop()
        finally:
            session.wrote()
        st.session_state["load.imported"] = (file_key, table, imported)
    saved = st.session_state.get("load.imported")
    if saved and saved[0] == file_key and saved[1] == table:
        _show_imported(table, name, saved[2], file_key, undated)


def _show_imported(
    table: Table, name: str, imported: importing.Imported, file_key: str, undated: Undated
) -> None:
    job = imported.job
    if job.status != "SUCCEEDED":
        failure = error_class(job.error_type)(
            job.error or "no reason given", error_type=job.error_type
        )
        st.error(
            f"The import of {name} failed; nothing was changed. {plain_errors.sentence(failure)}"
        )
        return
    result = imported.result
    st.subheader(f"Summary: {name} into {table.value}")
    received, inserted, rejected = st.columns(3)
    received.metric("Received", f"{result.received:,}")
    inserted.metric("Inserted", f"{result.inserted:,}")
    rejected.metric("Rejected", f"{result.rejected:,}")
    took = f"uploaded in {imported.upload_seconds:.1f} s, imported in {imported.job_seconds:.1f} s"
    if not result.rejected:
        st.success(f"Every row was inserted ({took}).")
        return
    st.caption(f"One import job, {took}.")
    st.subheader("Rejected rows")
    st.table(pd.DataFrame(importing.reason_rows(result)).set_index("reason"))
    first = uploads.rejected_frame(imported.first_rejects, importing.FIRST_REJECTS)
    shown = "the" if result.rejected <= len(first) else f"the first {len(first):,} of"
    st.caption(
        f"{shown.capitalize()} {result.rejected:,} rejected rows. `line` is where the row sits in "
        "your file, counting from 1. Fix cells in place and send these again (one batch), or "
        "download every one to fix and load again."
    )
    edited = st.data_editor(
        first,
        hide_index=True,
        width="stretch",
        disabled=list(REJECTED_COLUMNS),
        key=f"import_rejects:{file_key}",
    )
    again = f"Send these {len(edited):,} rows again"
    if st.button(again, key=f"import_resend:{file_key}", disabled=edited.empty):
        cells = [c for c in edited.columns if c not in REJECTED_COLUMNS]
        fixed = uploads.as_csv(edited[cells])
        try:
            outcome = uploads.load(
                signed_in.client, table, f"{Path(name).stem}.fixed.csv", fixed, undated=undated
            )
        except session.CALL_ERRORS as error:
            plain_errors.show(error)
            st.stop()
        finally:
            session.wrote()
        _show_sent_again(outcome)
    _rejects_download(job, result.rejected, file_key)


@st.fragment(run_every=importing.LINK_CHECK_SECONDS)
def _rejects_download(job: BackupJob, rejected: int, file_key: str) -> None:
    """A link to the whole rejects file, which the browser fetches from storage itself (the
    web app never holds it); this fragment reruns alone to renew the link before it expires."""
    held = st.session_state.get(REJECTS_LINK)
    try:
        link = importing.download_link(
            signed_in.client, job, held[1] if held and held[0] == job.id else None
        )
    except session.CALL_ERRORS as error:
        plain_errors.show(error, before="The rejects file cannot be offered right now.")
        return
    if link is None:
        return
    st.session_state[REJECTS_LINK] = (job.id, link)
    st.link_button(
        f"Download all {rejected:,} rejected rows as CSV",
        link.url,
        icon=":material/download:",
        help="Your browser fetches the file from the server's storage; this page keeps only the "
        "rows above.",
        key=f"download_import_rejects:{file_key}",
    )


st.title("Load a CSV file")
st.caption(
    "Files with or without a header row. Columns in order — "
    + " · ".join(f"{t.value}: {', '.join(c)}" for t, c in COLUMNS.items())
    + f". More than {importing.IMPORT_ABOVE_ROWS:,} lines go as one import job; up to 200 MB "
    "here (larger files: `hrgraph import`)."
)

upload = st.file_uploader("CSV file", type=["csv"], key="upload")
if upload is None:
    st.stop()

content = upload.getvalue()
# One file's identity: every widget below carries it in its key.
file_key = hashlib.sha256(upload.name.encode() + b"\0" + content).hexdigest()[:16]
tables = list(Table)
guessed = uploads.guess_table(upload.name, content)
table: Table = (
    st.selectbox(
        "Table",
        tables,
        index=tables.index(guessed) if guessed else 0,
        format_func=lambda t: f"{t.value} ({', '.join(COLUMNS[t])})",
        key=f"table:{file_key}",
        help="Guessed from the file's name and first row; change it if the guess is wrong.",
    )
    or tables[0]
)

if importing.is_large(content):
    _import_large(table, upload.name, content, file_key)
    st.stop()

known: dict[str, set[int]] | None = None
if table is Table.HIRED_EMPLOYEES:
    try:
        known = _existing_ids(signed_in.client.url, signed_in.client)
    except session.CALL_ERRORS as error:
        plain_errors.show(error, before="Departments and jobs cannot be read to check the file.")


@st.cache_data(ttl=60, max_entries=4, show_spinner="Checking every row of the file…")
def _checked(
    key: str, table: Table, _name: str, _content: bytes, _known: dict[str, set[int]] | None
) -> uploads.Preview:
    """The preview and check of one file as one table, read once (``key``: the file's identity;
    a write clears it with every other cache, so references are checked again)."""
    return uploads.preview(_name, _content, table, _known)


upload_name = upload.name
preview, problem = _show_preview(
    upload_name,
    table,
    file_key,
    lambda: _checked(file_key, table, upload_name, content, known),
    whole=True,
)

check = preview.check
undated = Undated.REJECT
if check.counts and problem is None:
    found = sum(check.counts.values())
    st.subheader("Checked before sending")
    st.caption(
        f"{found:,} problem{'s' if found != 1 else ''} found in this file, by reason (the server "
        "checks every row again, and also finds ids that are already there)."
    )
    st.table(uploads.check_frame(check).set_index("reason"))
    if known is not None:
        empty = _empty_references(known, check)
        if empty:
            st.warning(empty)
if check.undated and problem is None:
    some = f"{check.undated:,} row" + (" has" if check.undated == 1 else "s have")
    st.markdown(f"**{some} no hire date.**")
    undated = st.radio(
        "Rows with no hire date",
        list(UNDATED_CHOICES),
        format_func=UNDATED_CHOICES.__getitem__,
        key=f"undated:{file_key}",
        help="A historic file's empty date is not today: rejecting keeps reports true.",
    )

rows = f"{preview.rows:,} row" + ("" if preview.rows == 1 else "s")
label = f"Load {rows} of {upload.name} into {table.value}"
if st.button(label, type="primary", key=f"load:{file_key}", disabled=problem is not None):
    bar = st.progress(0.0, text="Sending…")
    sent = [0]

    def advance(rows: int) -> None:
        sent[0] += rows
        done = min(sent[0] / max(preview.rows, 1), 1.0)
        bar.progress(done, text=f"Sent {sent[0]} of {preview.rows} rows")

    try:
        outcome = uploads.load(
            signed_in.client, table, upload.name, content, on_batch=advance, undated=undated
        )
    except session.CALL_ERRORS as error:
        plain_errors.show(error, after=f"{sent[0]} rows were sent before this.")
        st.stop()
    finally:
        session.wrote()  # counts and pickers elsewhere must show the new rows at once
    st.session_state["load.outcome"] = (file_key, table, outcome)

saved = st.session_state.get("load.outcome")
if saved and saved[0] == file_key and saved[1] == table:
    loaded: uploads.LoadOutcome = saved[2]
    st.subheader(f"Summary: {upload.name} into {table.value}")
    received, inserted, rejected = st.columns(3)
    received.metric("Received", f"{loaded.received:,}")
    inserted.metric("Inserted", f"{loaded.inserted:,}")
    rejected.metric("Rejected", f"{len(loaded.rejected):,}")
    if loaded.rejected.empty:
        st.success(f"Every row was inserted ({loaded.seconds:.1f} s).")
    else:
        st.subheader("Rejected rows")
        groups = uploads.reject_groups(loaded.rejected)
        st.table(groups.set_index("reason"))
        options = ["all", *(f"{r.reason} · {r.field}" for r in groups.itertuples())]
        counts = {"all": len(loaded.rejected)} | {
            f"{r.reason} · {r.field}": r.rows for r in groups.itertuples()
        }
        shown_group = st.radio(
            "Show the rejected rows",
            options,
            format_func=lambda o: f"{'all' if o == 'all' else o} ({counts[o]:,})",
            horizontal=True,
            key=f"reject_group:{file_key}",
        )
        shown = uploads.in_group(loaded.rejected, shown_group)
        st.caption(
            f"{len(shown):,} rejected rows shown. `line` is where the row sits in your file, "
            "counting from 1. Fix cells in place below and send the rows again."
        )
        cells = [c for c in shown.columns if c not in REJECTED_COLUMNS]
        edited = st.data_editor(
            shown,
            hide_index=True,
            width="stretch",
            disabled=list(REJECTED_COLUMNS),
            key=f"rejected:{file_key}:{shown_group}",
        )
        st.download_button(
            "Download rejected rows as CSV",
            loaded.rejected_csv,
            file_name=f"{Path(upload.name).stem}.rejected.csv",
            mime="text/csv",
            key=f"download_rejected:{file_key}",
        )
        again = f"Send these {len(edited):,} rows again"
        if st.button(again, key=f"resend:{file_key}:{shown_group}", disabled=edited.empty):
            fixed = uploads.as_csv(edited[cells])
            name = f"{Path(upload.name).stem}.fixed.csv"
            try:
                outcome = uploads.load(signed_in.client, table, name, fixed, undated=undated)
            except session.CALL_ERRORS as error:
                plain_errors.show(error)
                st.stop()
            finally:
                session.wrote()
            st.session_state["load.resent"] = (file_key, outcome)

resent = st.session_state.get("load.resent")
if resent and resent[0] == file_key:
    _show_sent_again(resent[1])
