"""One check the question tests share: a question in other words is answered as the plain one.

Many wordings of one question ('2021 split by dept and title per quarter', 'Q1-Q4 hires
for every dept/job combo') must come back as its plain wording does: answered, the same
rows, and read back as the same thing. Said once here, so each test names only its
wording, its plain question and what its reading must say.
"""

from __future__ import annotations

from resolvers.core.ports import Answer
from resolvers.core.questions.offline import OfflineEngine


def assert_same_as(
    engine: OfflineEngine,
    plain: str,
    question: str,
    reading: str | None = None,
    same_reading: bool = False,
) -> Answer:
    """``question`` is answered (not refused) with the rows ``plain`` gets, and returned.

    ``reading``: words its reading must hold ('(the hiresByQuarter report)');
    ``same_reading``: its reading must be exactly ``plain``'s.
    """
    answer = engine.answer(question)
    assert not answer.refused, answer.explanation
    expected = engine.answer(plain)
    assert answer.rows == expected.rows, f"{question!r} is not answered as {plain!r}"
    if reading is not None:
        assert reading in (answer.reading or ""), answer.reading
    if same_reading:
        assert answer.reading == expected.reading
    return answer
