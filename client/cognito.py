"""Signing in to a Cognito user pool: the password, then whatever Cognito asks next.

A user an admin creates has a temporary password, so the first
USER_PASSWORD_AUTH answers NEW_PASSWORD_REQUIRED rather than tokens; a pool
that requires MFA answers SOFTWARE_TOKEN_MFA (or MFA_SETUP the first time).
Each such answer is raised as ``ChallengeRequired`` carrying a ``Challenge``;
``answer`` sends the person's reply with RespondToAuthChallenge (after
AssociateSoftwareToken / VerifySoftwareToken for MFA_SETUP) and returns the
tokens, or raises the next challenge. The client never stores a password and
never prints a token.

A forgotten password is ForgotPassword (Cognito sends a code to the user's
verified email) then ConfirmForgotPassword with the code and a new one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from client.errors import ChallengeRequired, SignInFailed
from client.models import Challenge, ChallengeKind

if TYPE_CHECKING:
    from mypy_boto3_cognito_idp import CognitoIdentityProviderClient

_HINTS = {
    "PasswordResetRequiredException": (
        "an admin reset this password: run `hrgraph password forgot NAME` for a code"
    ),
    "UserNotConfirmedException": "the account is not confirmed yet; ask an admin",
}


def cognito_client(region: str) -> CognitoIdentityProviderClient:
    """A cognito-idp client (boto3 honours AWS_ENDPOINT_URL, so moto can stand in)."""
    import boto3  # only when Cognito is used

    return boto3.client("cognito-idp", region_name=region)


def _refused(error: Exception) -> SignInFailed:
    """Cognito's own message (it names the rule), plus what to do where we know better."""
    from botocore.exceptions import ClientError

    if isinstance(error, ClientError):
        details = error.response.get("Error", {})
        code = str(details.get("Code", ""))
        message = str(details.get("Message") or code or error)
        hint = _HINTS.get(code)
        return SignInFailed(f"{message} ({hint})" if hint else message)
    return SignInFailed(f"cannot reach Cognito: {error}")


class CognitoProvider:
    """An IdentityProvider on a user pool's app client (public: no client secret)."""

    name = "cognito"

    def __init__(
        self, region: str, client_id: str, client: CognitoIdentityProviderClient | Any = None
    ) -> None:
        if not (region and client_id):
            raise SignInFailed("HRGRAPH_COGNITO_REGION and HRGRAPH_COGNITO_CLIENT_ID are required")
        self.endpoint = client_id
        self._cognito: CognitoIdentityProviderClient = client or cognito_client(region)

    def _call(self, operation: str, **arguments: Any) -> dict[str, Any]:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            answer: dict[str, Any] = getattr(self._cognito, operation)(**arguments)
        except (ClientError, BotoCoreError) as error:
            raise _refused(error) from None
        return answer

    def _tokens(self, answer: dict[str, Any], username: str) -> dict[str, Any]:
        """The AuthenticationResult, or the next challenge raised as ChallengeRequired."""
        if "AuthenticationResult" in answer:
            result: dict[str, Any] = answer["AuthenticationResult"]
            return result
        name = str(answer.get("ChallengeName", ""))
        try:
            kind = ChallengeKind(name)
        except ValueError:
            raise SignInFailed(
                f"Cognito asks for {name or 'a challenge'}, which hrgraph cannot answer"
            ) from None
        parameters = answer.get("ChallengeParameters") or {}
        who = str(parameters.get("USER_ID_FOR_SRP") or parameters.get("USERNAME") or username)
        challenge = Challenge(kind, who, str(answer.get("Session", "")))
        if kind is ChallengeKind.MFA_SETUP:
            challenge = self._associate(challenge)
        raise ChallengeRequired(challenge)

    def _associate(self, challenge: Challenge) -> Challenge:
        """MFA_SETUP: ask Cognito for a new TOTP key for this user (AssociateSoftwareToken)."""
        answer = self._call("associate_software_token", Session=challenge.session)
        return Challenge(
            challenge.kind,
            challenge.username,
            str(answer.get("Session") or challenge.session),
            str(answer["SecretCode"]),
        )

    # -- IdentityProvider -------------------------------------------------------

    def sign_in(self, username: str, password: str) -> dict[str, Any]:
        answer = self._call(
            "initiate_auth",
            AuthFlow="USER_PASSWORD_AUTH",
            ClientId=self.endpoint,
            AuthParameters={"USERNAME": username, "PASSWORD": password},
        )
        return self._tokens(answer, username)

    def refresh(self, refresh_token: str) -> dict[str, Any]:
        answer = self._call(
            "initiate_auth",
            AuthFlow="REFRESH_TOKEN_AUTH",
            ClientId=self.endpoint,
            AuthParameters={"REFRESH_TOKEN": refresh_token},
        )
        if "AuthenticationResult" not in answer:
            raise SignInFailed("Cognito asked for a challenge on a refresh")
        result: dict[str, Any] = answer["AuthenticationResult"]
        return result

    def answer(self, challenge: Challenge, response: str) -> dict[str, Any]:
        """Reply to one challenge: a new password, or a 6-digit code from the authenticator."""
        responses = {"USERNAME": challenge.username}
        session = challenge.session
        if challenge.kind is ChallengeKind.NEW_PASSWORD:
            responses["NEW_PASSWORD"] = response
        elif challenge.kind is ChallengeKind.MFA_CODE:
            responses["SOFTWARE_TOKEN_MFA_CODE"] = _code(response)
        else:  # MFA_SETUP: prove the app holds the key, then finish the sign-in
            verified = self._call(
                "verify_software_token",
                Session=session,
                UserCode=_code(response),
                FriendlyDeviceName="hrgraph",
            )
            if verified.get("Status") != "SUCCESS":
                raise SignInFailed("the code does not match the new authenticator key")
            session = str(verified.get("Session") or session)
        answer = self._call(
            "respond_to_auth_challenge",
            ClientId=self.endpoint,
            ChallengeName=challenge.kind.value,
            Session=session,
            ChallengeResponses=responses,
        )
        return self._tokens(answer, challenge.username)

    # -- MFA on a pool where it is optional -------------------------------------

    def new_authenticator_key(self, access_token: str) -> str:
        """A new TOTP key for the signed-in user (AssociateSoftwareToken); not yet in force."""
        answer = self._call("associate_software_token", AccessToken=access_token)
        return str(answer["SecretCode"])

    def enable_mfa(self, access_token: str, code: str) -> None:
        """Prove the app holds the new key, then require its code at every sign-in."""
        verified = self._call(
            "verify_software_token",
            AccessToken=access_token,
            UserCode=_code(code),
            FriendlyDeviceName="hrgraph",
        )
        if verified.get("Status") != "SUCCESS":
            raise SignInFailed("the code does not match the new authenticator key")
        self._call(
            "set_user_mfa_preference",
            AccessToken=access_token,
            SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True},
        )

    # -- a forgotten password ---------------------------------------------------

    def forgot_password(self, username: str) -> str:
        """Have Cognito send a reset code; returns where it went (masked, e.g. a***@e***)."""
        answer = self._call("forgot_password", ClientId=self.endpoint, Username=username)
        details = answer.get("CodeDeliveryDetails") or {}
        where = details.get("Destination")
        medium = str(details.get("DeliveryMedium", "")).lower() or "the account's verified address"
        return f"{medium} {where}" if where else medium

    def confirm_forgot_password(self, username: str, code: str, new_password: str) -> None:
        """Set a new password with the code from ``forgot_password``."""
        self._call(
            "confirm_forgot_password",
            ClientId=self.endpoint,
            Username=username,
            ConfirmationCode=code.strip(),
            Password=new_password,
        )


def _code(response: str) -> str:
    """A TOTP code as Cognito wants it: six digits (spaces people type are dropped)."""
    code = "".join(response.split())
    if not (len(code) == 6 and code.isdigit()):
        raise SignInFailed("the code must be the 6 digits your authenticator app shows")
    return code
