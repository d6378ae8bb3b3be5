"""Load: upload a CSV, check it against a table, send it in batches of 1000, see what was rejected.

Everything below the uploader is keyed on the file's identity (name and a
hash of its bytes): choosing another file starts a fresh table picker,
preview, button and summary, so they always speak of the same file.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import streamlit as st

from client.csvfile import COLUMNS, CsvFormatError
from client.models import Table
from streamlit_app import plain_errors, session, uploads

signed_in = session.require()
st.title("Load a CSV file")
st.caption(
    "Files with or without a header row. Columns in order — "
    + " · ".join(f"{t.value}: {', '.join(c)}" for t, c in COLUMNS.items())
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

try:
    preview = uploads.preview(upload.name, content, table)
except (CsvFormatError, UnicodeDecodeError, csv.Error) as error:
    st.error(f"**{upload.name}** cannot be read as {table.value}: {uploads.read_problem(error)}")
    st.stop()

header = "with a header row" if preview.header else "without a header row"
st.write(f"**{upload.name}**: **{preview.rows}** rows, {header}. First rows as {table.value}:")
st.dataframe(preview.frame, hide_index=True, width="stretch", key=f"preview:{file_key}")

problem = uploads.mismatch(preview, table)
if problem:
    st.warning(f"Nothing will be sent. {problem}")

rows = f"{preview.rows} row" + ("" if preview.rows == 1 else "s")
label = f"Load {rows} of {upload.name} into {table.value}"
if st.button(label, type="primary", key=f"load:{file_key}", disabled=problem is not None):
    bar = st.progress(0.0, text="Sending…")
    sent = [0]

    def advance(rows: int) -> None:
        sent[0] += rows
        done = min(sent[0] / max(preview.rows, 1), 1.0)
        bar.progress(done, text=f"Sent {sent[0]} of {preview.rows} rows")

    try:
        outcome = uploads.load(signed_in.client, table, upload.name, content, on_batch=advance)
    except session.CALL_ERRORS as error:
        plain_errors.show(error, after=f"{sent[0]} rows were sent before this.")
        st.stop()
    st.session_state["load.outcome"] = (file_key, table, outcome)

saved = st.session_state.get("load.outcome")
if saved and saved[0] == file_key and saved[1] == table:
    loaded: uploads.LoadOutcome = saved[2]
    st.subheader(f"Summary: {upload.name} into {table.value}")
    received, inserted, rejected = st.columns(3)
    received.metric("Received", loaded.received)
    inserted.metric("Inserted", loaded.inserted)
    rejected.metric("Rejected", len(loaded.rejected))
    if loaded.rejected.empty:
        st.success(f"Every row was inserted ({loaded.seconds:.1f} s).")
    else:
        st.subheader("Rejected rows")
        st.caption("`line` is where the row sits in your file, counting from 1.")
        st.dataframe(loaded.rejected, hide_index=True, width="stretch", key=f"rejected:{file_key}")
        st.download_button(
            "Download rejected rows as CSV",
            loaded.rejected_csv,
            file_name=f"{Path(upload.name).stem}.rejected.csv",
            mime="text/csv",
            key=f"download_rejected:{file_key}",
        )
