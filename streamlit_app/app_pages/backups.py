"""Backups (Admins): back a table up, list the backups, restore one after a confirmation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from client.models import Backup, Table
from streamlit_app import session
from streamlit_app.access import can_edit

signed_in = session.require()
if not can_edit(signed_in.groups):
    st.info("Backups are for Admins.")
    st.stop()
api = signed_in.client
CONFIRM = "backups.confirm"

st.title("Backups")
notice = st.session_state.pop("backups.notice", None)
if notice:
    st.success(notice)

left, right = st.columns([2, 1])
table: Table = (
    left.selectbox("Table", list(Table), format_func=lambda t: t.value, key="backup_table")
    or Table.DEPARTMENTS
)
codec = right.selectbox("Compression", ["DEFLATE", "SNAPPY"], key="codec")
if st.button(f"Back up {table.value} now", type="primary", key="create"):
    try:
        made = api.backup_table(table, codec)
    except session.CALL_ERRORS as error:
        st.error(session.explain(error))
    else:
        st.session_state["backups.notice"] = (
            f"Backed up {made.rows} rows of {table.value} ({made.id})."
        )
        st.rerun()


def size(bytes_: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if bytes_ < 1024 or unit == "GB":
            return f"{bytes_:.0f} {unit}" if unit == "B" else f"{bytes_:.1f} {unit}"
        bytes_ /= 1024
    return f"{bytes_:.1f} GB"


def frame_of(backups: list[Backup]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "id": b.id,
                "table": b.table.value,
                "created (UTC)": b.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                "by": b.created_by or "",
                "rows": b.rows,
                "size": size(b.bytes),
                "codec": b.codec,
            }
            for b in backups
        ],
        columns=["id", "table", "created (UTC)", "by", "rows", "size", "codec"],
    )


st.header("Existing backups")
shown = st.selectbox(
    "Show",
    [None, *Table],
    format_func=lambda t: "All tables" if t is None else t.value,
    key="filter",
)
try:
    listed = api.all_backups(shown)
except session.CALL_ERRORS as error:
    st.error(session.explain(error))
    st.stop()
backups = sorted(listed.items, key=lambda b: b.created_at, reverse=True)
for unreadable in listed.unreadable:
    st.warning(f"Backup {unreadable.id} cannot be restored: {unreadable.reason}")
if not backups:
    st.info("No backups yet.")
    st.stop()
st.dataframe(frame_of(backups), hide_index=True, width="stretch", key="backups")

st.header("Restore")
by_id = {b.id: b for b in backups}
chosen = st.selectbox(
    "Backup to restore",
    list(by_id),
    format_func=lambda i: (
        f"{by_id[i].table.value} · {by_id[i].created_at:%Y-%m-%d %H:%M:%S} · {by_id[i].rows} rows"
    ),
    key="restore_id",
)
backup = by_id[chosen]
if st.session_state.get(CONFIRM) != backup.id:
    if st.button("Restore…", key="restore"):
        st.session_state[CONFIRM] = backup.id
        st.rerun()
else:
    st.warning(
        f"This replaces every row of **{backup.table.value}** with the {backup.rows} rows "
        f"backed up at {backup.created_at:%Y-%m-%d %H:%M:%S} UTC. Rows added since are lost."
    )
    force = st.checkbox(
        "Force: restore even where employees' department or job references would break",
        key="force",
    )
    yes, no = st.columns(2)
    if yes.button(f"Yes, restore {backup.table.value}", type="primary", key="confirm_restore"):
        try:
            restored = api.restore_table(backup.table, backup.id, force=force or None)
        except session.CALL_ERRORS as error:
            st.error(session.explain(error))
        else:
            st.session_state.pop(CONFIRM, None)
            st.session_state["backups.notice"] = (
                f"Restored {restored.rows_restored} rows into {backup.table.value} "
                f"(it held {restored.previous_rows})."
            )
            st.rerun()
    if no.button("Cancel", key="cancel_restore"):
        st.session_state.pop(CONFIRM, None)
        st.rerun()
