"""Ask: a question in plain English, answered with read-only SQL; Analysts also write SQL."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from client.models import Answer, QueryResult
from streamlit_app import charts, session
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
    st.dataframe(
        frame_of(result.columns, result.rows), hide_index=True, width="stretch", key="sql_table"
    )
    cut = " (cut by the row limit)" if result.truncated else ""
    st.caption(f"{_rows(result.row_count)}{cut}. Ran:")
    st.code(result.sql, language="sql", wrap_lines=True)


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
        st.error(session.explain(error))
answer = st.session_state.get("ask.answer")
if isinstance(answer, Answer):
    show_answer(answer)

st.divider()
st.header("Read-only SQL")
st.caption("One SELECT over departments, jobs and hired_employees; anything else is refused.")
with st.form("sql_box"):
    sql = st.text_area("SQL", "SELECT * FROM departments ORDER BY id", key="sql")
    ran = st.form_submit_button("Run")
if ran and sql.strip():
    try:
        st.session_state["ask.result"] = api.run_sql(sql)
    except session.CALL_ERRORS as error:
        st.session_state.pop("ask.result", None)
        st.error(session.explain(error))
result = st.session_state.get("ask.result")
if isinstance(result, QueryResult):
    show_result(result)
