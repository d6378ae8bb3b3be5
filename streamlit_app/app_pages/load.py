"""Load: upload a CSV, preview it, send it in batches of 1000, then see what was rejected."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from client.csvfile import COLUMNS, CsvFormatError
from client.models import Table
from streamlit_app import session, uploads

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
tables = list(Table)
guessed = uploads.guess_table(upload.name)
table = st.selectbox(
    "Table",
    tables,
    index=tables.index(guessed) if guessed else 0,
    format_func=lambda t: t.value,
    key="table",
)

try:
    preview = uploads.preview(upload.name, content, table)
except (CsvFormatError, UnicodeDecodeError) as error:
    st.error(f"This file cannot be read as {table.value}: {error}")
    st.stop()

header = "with a header row" if preview.header else "without a header row"
st.write(f"**{preview.rows}** rows, {header}. First rows:")
st.dataframe(preview.frame, hide_index=True, width="stretch", key="preview")

if st.button(f"Load {preview.rows} rows into {table.value}", type="primary", key="load"):
    bar = st.progress(0.0, text="Sending…")
    sent = [0]

    def advance(rows: int) -> None:
        sent[0] += rows
        done = min(sent[0] / max(preview.rows, 1), 1.0)
        bar.progress(done, text=f"Sent {sent[0]} of {preview.rows} rows")

    try:
        outcome = uploads.load(signed_in.client, table, upload.name, content, on_batch=advance)
    except session.CALL_ERRORS as error:
        st.error(session.explain(error) + f" ({sent[0]} rows were sent before this.)")
        st.stop()
    st.session_state["load.outcome"] = (upload.name, table, outcome)

saved = st.session_state.get("load.outcome")
if saved and saved[0] == upload.name and saved[1] == table:
    loaded: uploads.LoadOutcome = saved[2]
    st.subheader("Summary")
    received, inserted, rejected = st.columns(3)
    received.metric("Received", loaded.received)
    inserted.metric("Inserted", loaded.inserted)
    rejected.metric("Rejected", len(loaded.rejected))
    if loaded.rejected.empty:
        st.success(f"Every row was inserted ({loaded.seconds:.1f} s).")
    else:
        st.subheader("Rejected rows")
        st.dataframe(loaded.rejected, hide_index=True, width="stretch", key="rejected")
        st.download_button(
            "Download rejected rows as CSV",
            loaded.rejected_csv,
            file_name=f"{Path(upload.name).stem}.rejected.csv",
            mime="text/csv",
            key="download_rejected",
        )
