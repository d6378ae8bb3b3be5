"""Backups (Admins): back up, restore after a confirmation, download, delete after one.

A backup or a restore is a job on the server: the page starts it and follows
it with a progress bar until it is SUCCEEDED or FAILED, then says what
happened (a failure with its errorType, as the API put it). Deleting sits in
its own section at the bottom, apart from the safe actions, and asks first,
naming the backup. A backup whose manifest is damaged is named apart, with a Delete
button of its own (deleteUnreadableBackup) behind the same confirmation.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from client.api import HrClient, job_failure
from client.models import Backup, BackupJob, Table
from streamlit_app import plain_errors, session
from streamlit_app.access import can_edit

signed_in = session.require()
if not can_edit(signed_in.groups):
    st.info("Backups are for Admins.")
    st.stop()
api: HrClient = signed_in.client
CONFIRM = "backups.confirm"
CONFIRM_DELETE = "backups.confirm_delete"
CONFIRM_UNREADABLE = "backups.confirm_delete_unreadable"
NOTICE = "backups.notice"
LINK = "backups.link"

st.title("Backups")
# Each part of the page whose elements come and go (a notice, a progress bar, an error, the
# damaged backups) sits in a container that is always there: Streamlit places elements by
# position, so the table below keeps its place and is never drawn twice while a run is slow.
notice = st.session_state.pop(NOTICE, None)
with st.container():
    if notice:
        st.success(notice)


def follow(job: BackupJob, label: str, total: int | None) -> BackupJob | None:
    """Show the job's progress until it ends; the finished job, or None if it failed."""
    bar = st.progress(0.0, text=f"{label}: {job.status.lower()}")

    def show(current: BackupJob) -> None:
        share = current.progress
        if share is None and total and current.rows_done is not None:
            share = min(current.rows_done / total, 1.0)
        rows = f"{current.rows_done or 0:,} rows"
        bar.progress(
            min(max(share or 0.0, 0.0), 1.0), text=f"{label}: {rows}, {current.status.lower()}"
        )

    try:
        finished = api.wait_for_job(job, show)
    except session.CALL_ERRORS as error:
        bar.empty()
        st.error(plain_errors.sentence(error))
        return None
    if finished.failed:  # no bar left behind reading "failed" near its end: the words say it
        bar.empty()
        done = f" after {finished.rows_done:,} rows" if finished.rows_done else ""
        st.error(f"{label} failed{done}; nothing was changed. " + _words(job_failure(finished)))
        return None
    return finished


def _words(error: BaseException) -> str:
    """The API's sentence, in this page's terms (its Force checkbox, not "pass force")."""
    return (
        plain_errors.sentence(error)
        .replace("pass force to restore anyway", "tick “Force” to restore anyway")
        .replace("pass force", "tick “Force”")
    )


def size(bytes_: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if bytes_ < 1024 or unit == "GB":
            return f"{bytes_:.0f} {unit}" if unit == "B" else f"{bytes_:.1f} {unit}"
        bytes_ /= 1024
    return f"{bytes_:.1f} GB"


def describe(backup: Backup) -> str:
    return f"{backup.table.value} · {backup.created_at:%Y-%m-%d %H:%M:%S} · {backup.rows} rows"


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


# -- back up --------------------------------------------------------------------------

left, right = st.columns([2, 1])
table: Table = (
    left.selectbox("Table", list(Table), format_func=lambda t: t.value, key="backup_table")
    or Table.DEPARTMENTS
)
codec = right.selectbox("Compression", ["DEFLATE", "SNAPPY"], key="codec")
back_up = st.button(f"Back up {table.value} now", type="primary", key="create")
with st.container():
    if back_up:
        try:
            started = api.backup_table(table, codec)
        except session.CALL_ERRORS as error:
            st.error(plain_errors.sentence(error))
        else:
            done = follow(started, f"Backing up {table.value}", None)
            if done is not None and done.backup is not None:
                st.session_state[NOTICE] = (
                    f"Backed up {done.backup.rows} rows of {table.value} ({done.backup.id})."
                )
                st.rerun()


def confirm_unreadable(backup_id: str) -> None:
    """Delete a backup whose manifest is damaged, after the same confirmation as below."""
    if st.session_state.get(CONFIRM_UNREADABLE) != backup_id:
        if st.button(f"Delete {backup_id}…", key=f"delete_unreadable_{backup_id}"):
            st.session_state[CONFIRM_UNREADABLE] = backup_id
            st.rerun()
        return
    st.warning(f"This deletes damaged backup **{backup_id}** for good.")
    keep, drop = st.columns(2)
    if keep.button("Keep it", key=f"cancel_delete_unreadable_{backup_id}"):
        st.session_state.pop(CONFIRM_UNREADABLE, None)
        st.rerun()
    if drop.button(
        f"Yes, delete {backup_id}", type="primary", key=f"confirm_delete_unreadable_{backup_id}"
    ):
        try:
            gone = api.delete_unreadable_backup(backup_id)
        except session.CALL_ERRORS as error:
            st.error(plain_errors.sentence(error))
        else:
            st.session_state.pop(CONFIRM_UNREADABLE, None)
            st.session_state[NOTICE] = f"Deleted damaged backup {gone}."
            st.rerun()


# -- list -----------------------------------------------------------------------------

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
    st.error(plain_errors.sentence(error))
    st.stop()
backups = sorted(listed.items, key=lambda b: b.created_at, reverse=True)
with st.container():
    for unreadable in listed.unreadable:
        st.warning(
            f"Backup **{unreadable.id}** cannot be restored or listed: the file that describes "
            "it (its manifest) is damaged. Deleting it removes its data file and that manifest."
        )
        with st.expander(f"What the server said about {unreadable.id}"):
            st.code(unreadable.reason, language=None, wrap_lines=True)
        confirm_unreadable(unreadable.id)
if not backups:
    st.info("No backups yet.")
    st.stop()
st.dataframe(frame_of(backups), hide_index=True, width="stretch", key="backups")

by_id = {b.id: b for b in backups}
chosen = st.selectbox(
    "Backup", list(by_id), format_func=lambda i: describe(by_id[i]), key="restore_id"
)
backup = by_id[chosen]

# -- download -------------------------------------------------------------------------

link = st.session_state.get(LINK)
if link is not None and link[0] == backup.id:
    st.link_button(f"Download {link[1].file_name}", link[1].url, key="download")
    st.caption(f"The link works until {link[1].expires_at:%H:%M:%S} UTC, for anyone who has it.")
elif st.button("Get a download link", key="prepare_download"):
    try:
        st.session_state[LINK] = (backup.id, api.backup_download(backup.id))
    except session.CALL_ERRORS as error:
        st.error(plain_errors.sentence(error))
    else:
        st.rerun()

# -- restore --------------------------------------------------------------------------

st.header("Restore")
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
    # The safe choice first: on a phone the columns stack, and Cancel comes out on top.
    no, yes = st.columns(2)
    if no.button("Cancel", key="cancel_restore"):
        st.session_state.pop(CONFIRM, None)
        st.rerun()
    if yes.button(f"Yes, restore {backup.table.value}", type="primary", key="confirm_restore"):
        try:
            started = api.restore_table(backup.table, backup.id, force=force or None)
        except session.CALL_ERRORS as error:
            st.error(_words(error))
        else:
            done = follow(started, f"Restoring {backup.table.value}", backup.rows)
            session.wrote()  # a restore replaces a table: counts and pickers follow
            if done is not None and done.restore is not None:
                st.session_state.pop(CONFIRM, None)
                st.session_state[NOTICE] = (
                    f"Restored {done.restore.rows_restored} rows into {backup.table.value} "
                    f"(it held {done.restore.previous_rows})."
                )
                st.rerun()

# -- delete: apart from the safe actions, and only after a confirmation ----------------

st.divider()
st.header("Delete a backup")
if st.session_state.get(CONFIRM_DELETE) != backup.id:
    if st.button(f"Delete {backup.id}…", key="delete"):
        st.session_state[CONFIRM_DELETE] = backup.id
        st.rerun()
else:
    st.warning(
        f"This deletes backup **{backup.id}** ({describe(backup)}) for good. "
        "It cannot be restored afterwards."
    )
    keep, drop = st.columns(2)
    if keep.button("Keep it", key="cancel_delete"):
        st.session_state.pop(CONFIRM_DELETE, None)
        st.rerun()
    if drop.button(f"Yes, delete {backup.id}", type="primary", key="confirm_delete"):
        try:
            gone = api.delete_backup(backup.id)
        except session.CALL_ERRORS as error:
            st.error(plain_errors.sentence(error))
        else:
            st.session_state.pop(CONFIRM_DELETE, None)
            st.session_state.pop(LINK, None)
            st.session_state[NOTICE] = f"Deleted backup {gone.id} of {gone.table.value}."
            st.rerun()
