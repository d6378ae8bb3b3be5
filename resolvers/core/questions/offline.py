"""The offline question engine: rules, fuzzy names and SQL templates; no network, no model.

question -> intent (intent.py, with names from matching.py and dates from
timeframe.py) -> parameterised SQL (templates.py) -> the SQL guard and a
read-only run (readonly_sql.py) -> an Answer with a sentence and a chart hint
(explain.py). What it cannot parse with confidence it refuses, with
questions it can answer as suggestions.
"""

from __future__ import annotations

from resolvers.core.ports import Answer, Warehouse
from resolvers.core.questions import catalog as names
from resolvers.core.questions import explain, intent, templates
from resolvers.core.questions.examples import suggestions
from resolvers.core.readonly_sql import run_sql


class OfflineEngine:
    """Implements QuestionEngine over any Warehouse."""

    engine = "OFFLINE"

    def __init__(self, warehouse: Warehouse, row_cap: int) -> None:
        self._warehouse = warehouse
        self._row_cap = row_cap

    def translate(
        self, question: str, catalog: names.Catalog
    ) -> tuple[intent.Intent, templates.Statement] | intent.Refusal:
        """Question to SQL without running it (what bench/questions.py times)."""
        parsed = intent.parse(question, catalog)
        if isinstance(parsed, intent.Refusal):
            return parsed
        return parsed, templates.build(parsed)

    def answer(self, question: str) -> Answer:
        catalog = names.load(self._warehouse)
        translated = self.translate(question, catalog)
        if isinstance(translated, intent.Refusal):
            return Answer(
                question=question,
                engine="OFFLINE",
                explanation=translated.reason,
                refused=True,
                suggestions=suggestions(catalog),
            )
        parsed, statement = translated
        result = run_sql(self._warehouse, statement.sql, self._row_cap, statement.params)
        return Answer(
            question=question,
            engine="OFFLINE",
            sql=result.sql,
            columns=result.columns,
            rows=result.rows,
            explanation=explain.explanation(parsed),
            chart=explain.chart(parsed),
            truncated=result.truncated,
        )
