"""The seam where identity comes in: who is calling, and may they call this field.

AppSync verifies the Cognito token and checks the schema's group directives
before our Lambda runs; locally a Gate does both (localserver/auth_gate.py's
TokenGate is the one implementation; tests hand in their own).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class Gate(Protocol):
    def identify(self, headers: Mapping[str, str]) -> Any:
        """The AppSync identity dict of the caller, None when anonymous access is allowed.

        Raises resolvers.core.errors.Unauthorized for a missing or invalid token.
        """
        ...

    def allows(self, identity: Any, type_name: str, field_name: str) -> bool:
        """May this identity resolve this field (the schema's group directives)?"""
        ...
