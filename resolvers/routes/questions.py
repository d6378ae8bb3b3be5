"""Questions in plain English (ask) and read-only SQL (runSql); Analysts and Admins only.

AppSync enforces the groups (schema.graphql); these resolvers only translate.
``rows`` is AWSJSON: a Lambda returns it as a JSON string, which AppSync
passes through as is.
"""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools import Logger

from resolvers import observability
from resolvers.core import questions
from resolvers.core.ports import ChartHint
from resolvers.core.readonly_sql import run_sql
from resolvers.routes.identity import caller
from resolvers.routing import ThreadSafeRouter as Router
from resolvers.wiring import services

router = Router()
logger = Logger(service="hrgraph", child=True)


@router.resolver(type_name="Query", field_name="ask")
def ask(question: str) -> dict[str, Any]:
    answer = questions.ask(services().questions(), question)
    if answer.refused:
        observability.question_refused()
    logger.info(
        "question asked",
        extra={
            "user": caller(router.current_event).username,
            "engine": answer.engine,
            "refused": answer.refused,
            "rows": len(answer.rows),
        },
    )
    return {
        "question": answer.question,
        "sql": answer.sql,
        "columns": answer.columns,
        "rows": json.dumps(answer.rows),
        "rowCount": len(answer.rows),
        "explanation": answer.explanation,
        "reading": answer.reading,
        "chart": _chart(answer.chart),
        "engine": answer.engine,
        "refused": answer.refused,
        "suggestions": answer.suggestions,
        "truncated": answer.truncated,
    }


def _chart(hint: ChartHint | None) -> dict[str, Any] | None:
    if hint is None:
        return None
    return {
        "kind": hint.kind,
        "x": hint.x,
        "y": hint.y,
        "series": hint.series,
        "xOrdinal": hint.x_ordinal,
        "keepOrder": hint.keep_order,
    }


@router.resolver(type_name="Query", field_name="runSql")
def run_sql_field(sql: str) -> dict[str, Any]:
    current = services()
    result = run_sql(current.warehouse, sql, current.settings.sql_row_limit)
    logger.info(
        "read-only sql",
        extra={"user": caller(router.current_event).username, "rows": len(result.rows)},
    )
    return {
        "sql": result.sql,
        "columns": result.columns,
        "rows": json.dumps(result.rows),
        "rowCount": len(result.rows),
        "truncated": result.truncated,
    }
