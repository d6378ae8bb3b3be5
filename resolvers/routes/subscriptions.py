"""Subscriptions: AppSync calls the resolver once, when a client subscribes.

The rows themselves are published by AppSync from the ``insertEmployees``
mutation's result (``@aws_subscribe``); the Lambda is not called per message.
Returning null accepts the subscription; an error refuses it. Group checks
already happened in AppSync (the field's ``@aws_cognito_user_pools``).
"""

from __future__ import annotations

from resolvers.routing import ThreadSafeRouter as Router

router = Router()


@router.resolver(type_name="Subscription", field_name="onEmployeesInserted")
def on_employees_inserted() -> None:
    return None
