"""Questions in plain English: the use case, and the offline engine's parts.

``ask`` is what the API calls; engines (offline here, Bedrock in
resolvers/adapters/bedrock_engine.py) implement ports.QuestionEngine.
"""

from __future__ import annotations

from resolvers.core.errors import ValidationError
from resolvers.core.ports import Answer, QuestionEngine

MAX_QUESTION_CHARS = 500


def ask(engine: QuestionEngine, question: str) -> Answer:
    """Answer one question with the configured engine, after checking its size."""
    text = question.strip()
    if not text or len(text) > MAX_QUESTION_CHARS:
        raise ValidationError("question", f"must be 1 to {MAX_QUESTION_CHARS} characters")
    return engine.answer(text)
