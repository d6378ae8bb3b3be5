"""Ask: a question in plain English, answered with read-only SQL; Analysts also write SQL."""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import streamlit as st

from client.models import Answer, QueryResult
from streamlit_app import charts, plain_errors, session
from streamlit_app.access import can_query

# Questions the offline engine answers (the Bedrock engine answers them too); a refusal
# offers the engine's own suggestions, filled in with live names, as buttons like these.
EXAMPLES = (
    "How many people were hired in 2021?",
    "Hires by department in 2021",
    "Hires per month in 2021",
    "Top 5 jobs by hires in 2021",
    "Which departments hired more than the mean in 2021?",
    "What share of hires in 2021 went to each department?",
)

QUESTION = "ask.question"
SQL_TEXT = "ask.sql_text"
HISTORY = "ask.sql_history"
SQL_ERROR = "ask.sql_error"
CANCELLED = "ask.sql_cancelled"
DEFAULT_SQL = "SELECT * FROM departments ORDER BY id"
HISTORY_SIZE = 20
POSITION = re.compile(r"at line (\d+), column (\d+)")

signed_in = session.require()
if not can_query(signed_in.groups):
    st.info("Questions and SQL are for Analysts and Admins.")
    st.stop()
api = signed_in.client


def _choose(question: str) -> None:
    st.session_state[QUESTION] = question
    st.session_state["ask.run"] = True


def examples(questions: list[str] | tuple[str, ...], key: str) -> None:
    columns = st.columns(min(len(questions), 2) or 1)
    for i, question in enumerate(questions):
        columns[i % len(columns)].button(
            question, key=f"{key}_{i}", on_click=_choose, args=(question,), width="stretch"
        )


def frame_of(columns: list[str], rows: list[list[object]]) -> pd.DataFrame:
    """Rows as a table; a repeated column name gets its place added (``id``, ``id (2)``).

    SQL allows ``SELECT id, id`` and a self join repeats every name, but a
    table drawn in the browser needs distinct ones.
    """
    return pd.DataFrame(rows, columns=distinct_names(columns))


def distinct_names(columns: list[str]) -> list[str]:
    used: set[str] = set()
    named: list[str] = []
    for column in columns:
        name, place = column, 1
        while name in used:
            place += 1
            name = f"{column} ({place})"
        used.add(name)
        named.append(name)
    return named


ENGINES = {"OFFLINE": "the built-in engine", "BEDROCK": "Bedrock"}


def _open_in_sql_box(sql: str) -> None:
    st.session_state["sql"] = sql
    st.session_state[SQL_TEXT] = sql


def show_answer(answer: Answer) -> None:
    if answer.refused:
        st.warning(answer.explanation)
        if answer.suggestions:
            st.write("Questions it can answer:")
            examples(answer.suggestions, "suggestion")
        return
    reading = answer.reading or answer.explanation
    st.info(f"**Answered:** {reading}")
    note = answer.explanation.removeprefix(reading).strip() if answer.reading else ""
    if note:
        st.write(note)
    frame = frame_of(answer.columns, answer.rows)
    chart = charts.answer_chart(frame, answer.chart)
    if chart is not None:
        st.altair_chart(chart, width="stretch", key="answer_chart")
    if frame.shape == (1, 1) and pd.api.types.is_number(frame.iloc[0, 0]):
        value = frame.iloc[0, 0]  # one number reads as a number, not as a one-cell table
        st.metric(str(frame.columns[0]), f"{value:,}")
    else:
        st.dataframe(frame, hide_index=True, width="stretch", key="answer_table")
    cut = " (cut at the row limit)" if answer.truncated else ""
    engine = ENGINES.get(answer.engine, answer.engine.title())
    st.caption(f"{_rows(answer.row_count)}{cut}, answered by {engine}. The SQL it ran:")
    if answer.sql:
        st.code(answer.sql, language="sql", wrap_lines=True)
        st.button(
            "Open in the SQL box",
            key="answer_to_sql",
            on_click=_open_in_sql_box,
            args=(answer.sql,),
        )


def show_result(result: QueryResult) -> None:
    frame = frame_of(result.columns, result.rows)
    st.dataframe(frame, hide_index=True, width="stretch", key="sql_table")
    cut = " (cut by the row limit)" if result.truncated else ""
    st.caption(f"{_rows(result.row_count)}{cut}. Ran:")
    st.code(result.sql, language="sql", wrap_lines=True)
    st.download_button(
        "Download these rows as CSV",
        frame.to_csv(index=False).encode("utf-8"),
        file_name="query.csv",
        mime="text/csv",
        on_click="ignore",
        key="sql_export",
        icon=":material/download:",
    )


def _from_history() -> None:
    chosen = st.session_state.get("sql_history")
    if chosen:
        st.session_state["sql"] = chosen
        st.session_state[SQL_TEXT] = chosen


def remember(history: list[str], sql: str) -> None:
    """Newest first, each query once, at most HISTORY_SIZE."""
    if sql in history:
        history.remove(sql)
    history.insert(0, sql)
    del history[HISTORY_SIZE:]


def _cancel() -> None:
    st.session_state[CANCELLED] = True


def run_with_cancel(sql: str) -> QueryResult:
    """Run the SQL while the page shows it running, with Cancel.

    The call runs in a thread and the page writes its progress between short
    waits: a click on Cancel starts a new run of the page, which Streamlit
    lets interrupt this one at the next write. The query itself only reads;
    the server ends it at its time limit.
    """
    waiting = st.empty()
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hrgraph-sql")
    try:
        future = pool.submit(api.run_sql, sql)
        started = time.monotonic()
        with waiting.container():
            ticker = st.empty()
            st.button("Cancel", key="sql_cancel", on_click=_cancel)
        while not future.done():
            ticker.caption(f"Running… {time.monotonic() - started:.0f} s")
            time.sleep(0.2)
        return future.result()
    finally:
        waiting.empty()
        pool.shutdown(wait=False)


def show_sql_error(sql: str, said: str) -> None:
    """The refusal in words, and where a syntax error is: its line with a caret under it."""
    st.error(said)
    found = POSITION.search(said)
    lines = sql.splitlines()
    if found is None or not 1 <= int(found.group(1)) <= len(lines):
        return
    number, column = int(found.group(1)), int(found.group(2))
    line = lines[number - 1]
    st.code(f"{line}\n{' ' * max(column - 1, 0)}^ line {number}, column {column}", language=None)


def _rows(count: int) -> str:
    return "1 row" if count == 1 else f"{count} rows"


st.title("Ask a question")
with st.form("ask"):
    question = st.text_input("Question", key=QUESTION, placeholder=EXAMPLES[0])
    asked = st.form_submit_button("Ask", type="primary")
asking = bool(asked or st.session_state.pop("ask.run", False)) and bool(question.strip())
# Open until a first question is asked, so the answer is not pushed below the fold.
with st.expander("Example questions", expanded="ask.answer" not in st.session_state and not asking):
    examples(EXAMPLES, "example")
if asking:
    try:
        st.session_state["ask.answer"] = api.ask(question.strip())
    except session.CALL_ERRORS as error:
        st.error(plain_errors.sentence(error))
answer = st.session_state.get("ask.answer")
if isinstance(answer, Answer):
    show_answer(answer)

st.divider()
st.header("Read-only SQL")
st.caption("One SELECT over departments, jobs and hired_employees; anything else is refused.")
# The box's text and the history live outside the widget, so both survive a visit elsewhere.
st.session_state.setdefault("sql", st.session_state.get(SQL_TEXT, DEFAULT_SQL))
history: list[str] = st.session_state.setdefault(HISTORY, [])
if history:
    st.selectbox(
        "History",
        [None, *history],
        format_func=lambda q: "Run before (newest first)…" if q is None else " ".join(q.split()),
        key="sql_history",
        on_change=_from_history,
    )
with st.form("sql_box"):
    sql = st.text_area("SQL", key="sql")
    ran = st.form_submit_button("Run")
if ran and sql.strip():
    st.session_state[SQL_TEXT] = sql
    remember(history, sql)
    st.session_state.pop(SQL_ERROR, None)
    try:
        st.session_state["ask.result"] = run_with_cancel(sql)
    except session.CALL_ERRORS as error:
        st.session_state.pop("ask.result", None)
        st.session_state[SQL_ERROR] = (sql, plain_errors.sentence(error))
if st.session_state.pop(CANCELLED, False):
    st.info(
        "Cancelled: the page stopped waiting. The query only reads, and the server ends it at "
        "its time limit."
    )
failed = st.session_state.get(SQL_ERROR)
if failed:
    show_sql_error(*failed)
result = st.session_state.get("ask.result")
if isinstance(result, QueryResult) and not failed:
    show_result(result)
