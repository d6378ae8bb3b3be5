"""An admin's view of the Cognito user pool: invite, list, disable (HRGRAPH_AUTH=cognito).

What the seed's create-test-user script did, as typed calls: AdminCreateUser
with a temporary password (the user must choose their own at the first
sign-in) and AdminAddUserToGroup for each group. Removing a person signs them
out everywhere (AdminUserGlobalSignOut revokes their refresh tokens) and
disables the account (AdminDisableUser) rather than deleting it: the user,
their ``sub`` and their creation date stay in the pool, so who-did-what in
logs and CloudTrail can still be tied to a person. ``delete=True`` removes the
account for good. These calls need AWS credentials allowed to administer the
pool (cognito-idp:Admin*, ListUsers, ListUsersInGroup).
"""

from __future__ import annotations

import secrets
import string
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from client.cognito import cognito_client
from client.errors import SignInFailed

if TYPE_CHECKING:
    from mypy_boto3_cognito_idp import CognitoIdentityProviderClient


class UserAdminFailed(SignInFailed):
    """Cognito refused an admin call (no such user, weak password, missing permission...)."""


@dataclass(frozen=True)
class PoolUser:
    username: str
    status: str
    """Cognito's UserStatus: FORCE_CHANGE_PASSWORD until the first sign-in, then CONFIRMED."""
    enabled: bool
    groups: tuple[str, ...]
    created_at: str


def temporary_password(length: int = 16) -> str:
    """A random password that meets the pool's policy (12+, upper, lower, digit, symbol)."""
    alphabet = string.ascii_letters + string.digits + "-_.!"
    while True:
        password = "".join(secrets.choice(alphabet) for _ in range(length))
        if (
            any(c.islower() for c in password)
            and any(c.isupper() for c in password)
            and any(c.isdigit() for c in password)
            and any(c in "-_.!" for c in password)
        ):
            return password


class CognitoUsers:
    """Admin calls on one user pool."""

    def __init__(
        self, region: str, user_pool_id: str, client: CognitoIdentityProviderClient | Any = None
    ) -> None:
        self.pool = user_pool_id
        self._cognito: CognitoIdentityProviderClient = client or cognito_client(region)

    def _call(self, operation: str, **arguments: Any) -> dict[str, Any]:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            answer: dict[str, Any] = getattr(self._cognito, operation)(
                UserPoolId=self.pool, **arguments
            )
        except ClientError as error:
            details = error.response.get("Error", {})
            raise UserAdminFailed(str(details.get("Message") or details.get("Code"))) from None
        except BotoCoreError as error:
            raise UserAdminFailed(f"cannot reach Cognito: {error}") from None
        return answer

    def add(
        self, username: str, password: str, groups: Iterable[str], email: str | None = None
    ) -> None:
        """Invite a user with a temporary password; Cognito sends no message (the admin does).

        With ``email`` the address is stored as verified, so a forgotten
        password can be reset by code later.
        """
        attributes = []
        if email:
            attributes = [
                {"Name": "email", "Value": email},
                {"Name": "email_verified", "Value": "true"},
            ]
        self._call(
            "admin_create_user",
            Username=username,
            TemporaryPassword=password,
            MessageAction="SUPPRESS",
            UserAttributes=attributes,
        )
        for group in sorted(set(groups)):
            self._call("admin_add_user_to_group", Username=username, GroupName=group)

    def all(self, groups: Iterable[str]) -> list[PoolUser]:
        """Every user with their status and their groups among ``groups`` (one call per group)."""
        members: dict[str, list[str]] = {}
        for group in sorted(set(groups)):
            for user in self._pages("list_users_in_group", GroupName=group):
                members.setdefault(str(user["Username"]), []).append(group)
        return [
            PoolUser(
                username=str(user["Username"]),
                status=str(user.get("UserStatus", "")),
                enabled=bool(user.get("Enabled", True)),
                groups=tuple(members.get(str(user["Username"]), [])),
                created_at=user["UserCreateDate"].isoformat(timespec="seconds")
                if user.get("UserCreateDate")
                else "",
            )
            for user in sorted(self._pages("list_users"), key=lambda u: str(u["Username"]))
        ]

    def _pages(self, operation: str, **arguments: Any) -> list[dict[str, Any]]:
        """Every user of a listing, through boto3's paginator for it.

        The two listings page differently (ListUsers with PaginationToken,
        ListUsersInGroup with NextToken; at most 60 users a page); the paginator
        knows each one's token from botocore's own paginator model.
        """
        from botocore.exceptions import BotoCoreError, ClientError

        users: list[dict[str, Any]] = []
        try:
            pages = self._cognito.get_paginator(operation).paginate(  # type: ignore[call-overload]
                UserPoolId=self.pool, **arguments
            )
            for page in pages:
                users.extend(page.get("Users", []))
        except ClientError as error:
            details = error.response.get("Error", {})
            raise UserAdminFailed(str(details.get("Message") or details.get("Code"))) from None
        except BotoCoreError as error:
            raise UserAdminFailed(f"cannot reach Cognito: {error}") from None
        return users

    def remove(self, username: str, delete: bool = False) -> None:
        """Sign the user out everywhere, then disable (or, with ``delete``, delete) them."""
        self._call("admin_user_global_sign_out", Username=username)
        self._call("admin_disable_user", Username=username)
        if delete:
            self._call("admin_delete_user", Username=username)

    def set_temporary_password(self, username: str, password: str) -> None:
        """A new temporary password: the user chooses their own at the next sign-in.

        The user is signed out everywhere first: a reset is usually for a password
        that leaked, and AdminSetUserPassword alone leaves refresh tokens valid.
        """
        self._call("admin_user_global_sign_out", Username=username)
        self._call("admin_set_user_password", Username=username, Password=password, Permanent=False)
