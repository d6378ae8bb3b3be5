"""Questions in plain English: the use case, and the offline engine's parts.

``ask`` is what the API calls; engines (offline here, Bedrock in
resolvers/adapters/bedrock_engine.py) implement ports.QuestionEngine.
"""

from __future__ import annotations

from resolvers.core.ports import Answer, QuestionEngine

MAX_QUESTION_CHARS = 1000


def ask(engine: QuestionEngine, question: str) -> Answer:
    """Answer one question; empty or overlong questions are refused, never an error."""
    from resolvers.core.questions.offline import GENERIC_SUGGESTIONS

    text = question.strip()
    if not text or len(text) > MAX_QUESTION_CHARS:
        why = (
            "The question is empty"
            if not text
            else f"The question is over {MAX_QUESTION_CHARS} characters"
        )
        return Answer(
            question=text[:MAX_QUESTION_CHARS],
            engine=getattr(engine, "engine", "OFFLINE"),
            explanation=f"{why}: ask one thing about hires, departments or jobs.",
            refused=True,
            suggestions=list(GENERIC_SUGGESTIONS),
        )
    return engine.answer(text)
