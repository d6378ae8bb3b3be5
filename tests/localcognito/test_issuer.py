"""The local issuer over real HTTP: sign in, use the token, refresh, publish the keys."""

from __future__ import annotations

import stat
import subprocess
import sys
import threading
import time
from typing import Any

import httpx
import jwt
import pytest

from localcognito.issuer import IssuerIdentity, LocalIssuer
from localcognito.tokens import REFUSED
from localcognito.users import UserStore
from tests.conftest import ADMIN_PASSWORD, LiveServer
from tests.localserver.test_concurrency import WAIT, bystander


def login(server: LiveServer, username: str, password: str) -> httpx.Response:
    return httpx.post(
        f"{server.base_url}/auth/login", json={"username": username, "password": password}
    )


def test_round_trip_sign_in_call_refresh(live_server: LiveServer) -> None:
    # A user added while the server runs (what `hrgraph users add` does) can sign in at once.
    UserStore.in_data_dir(live_server.settings.data_dir).add("ann", "ann-password", ["Analysts"])
    answer = login(live_server, "ann", "ann-password")
    assert answer.status_code == 200
    result = answer.json()["AuthenticationResult"]
    assert set(result) == {"IdToken", "AccessToken", "RefreshToken", "ExpiresIn", "TokenType"}
    assert result["TokenType"] == "Bearer"

    # The published JWKS verifies the ID token independently of the server's own verifier.
    jwks = httpx.get(f"{live_server.base_url}/.well-known/jwks.json").json()
    [key] = jwks["keys"]
    assert set(key) == {"kty", "kid", "alg", "use", "n", "e"}  # public parts only
    identity = IssuerIdentity.load_or_create(live_server.settings.data_dir)
    claims = jwt.decode(
        result["IdToken"],
        jwt.PyJWK(key),
        algorithms=["RS256"],
        audience=identity.client_id,
        issuer=identity.issuer,
    )
    assert claims["cognito:username"] == "ann"
    assert claims["exp"] - int(claims["iat"]) == result["ExpiresIn"]

    me = httpx.post(
        live_server.url,
        json={"query": "{ me { username groups } }"},
        headers={"Authorization": result["IdToken"]},
    ).json()
    assert me["data"]["me"] == {"username": "ann", "groups": ["Analysts"]}

    refreshed = httpx.post(
        f"{live_server.base_url}/auth/refresh", json={"refreshToken": result["RefreshToken"]}
    )
    assert refreshed.status_code == 200
    renewed = refreshed.json()["AuthenticationResult"]
    assert "RefreshToken" not in renewed  # as Cognito's REFRESH_TOKEN_AUTH
    assert renewed["IdToken"] != result["IdToken"]

    # Removing the user ends the session: the refresh token stops working.
    UserStore.in_data_dir(live_server.settings.data_dir).remove("ann")
    again = httpx.post(
        f"{live_server.base_url}/auth/refresh", json={"refreshToken": result["RefreshToken"]}
    )
    assert again.status_code == 400
    assert again.json()["__type"] == "NotAuthorizedException"


def test_an_id_token_is_no_refresh_token(live_server: LiveServer) -> None:
    answer = httpx.post(
        f"{live_server.base_url}/auth/refresh", json={"refreshToken": live_server.token}
    )
    assert answer.status_code == 400


def test_unknown_user_and_wrong_password_look_the_same(live_server: LiveServer) -> None:
    wrong = login(live_server, "admin", "not-the-password")
    unknown = login(live_server, "nobody", "not-the-password")
    assert wrong.status_code == unknown.status_code == 400
    assert (
        wrong.json()
        == unknown.json()
        == {
            "__type": "NotAuthorizedException",
            "message": "Incorrect username or password.",
        }
    )


def test_repeated_failures_are_throttled(live_server: LiveServer) -> None:
    for _ in range(5):
        assert login(live_server, "admin", "guess-guess").status_code == 400
    blocked = login(live_server, "admin", ADMIN_PASSWORD)
    assert blocked.status_code == 400
    assert blocked.json()["message"] == "Password attempts exceeded"


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"username": "admin"}'])
def test_a_malformed_login_is_a_bad_request(live_server: LiveServer, body: bytes) -> None:
    answer = httpx.post(f"{live_server.base_url}/auth/login", content=body)
    assert answer.status_code == 400
    assert answer.json()["__type"] == "InvalidParameterException"


def test_no_password_or_token_reaches_the_logs(
    live_server: LiveServer, caplog: pytest.LogCaptureFixture
) -> None:
    ok = login(live_server, "admin", ADMIN_PASSWORD).json()["AuthenticationResult"]
    login(live_server, "admin", "a-wrong-secret")
    logged = caplog.text
    for secret in (ADMIN_PASSWORD, "a-wrong-secret", ok["IdToken"], ok["RefreshToken"]):
        assert secret not in logged


def test_the_signing_key_is_private_and_kept(live_server: LiveServer) -> None:
    key = live_server.settings.data_dir / "auth" / "signing-key.pem"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    first = IssuerIdentity.load_or_create(live_server.settings.data_dir).public_jwk
    assert IssuerIdentity.load_or_create(live_server.settings.data_dir).public_jwk == first


def test_the_throttle_forgets_failures_once_they_age_out() -> None:
    from localcognito.issuer import Throttle

    throttle = Throttle(limit=2, window_seconds=0.0, max_keys=3)
    for index in range(10):
        throttle.failed(f"user:{index}")
    assert not throttle.blocked("user:9")
    assert len(throttle._failures) <= 4


def _call_as(server: LiveServer, token: str) -> httpx.Response:
    return httpx.post(
        server.url,
        json={"query": "mutation { deleteEmployee(id: 424242) { id } }"},
        headers={"Authorization": token},
    )


def _refused_whole(response: httpx.Response) -> bool:
    return response.status_code == 401 and response.json() == {
        "errors": [{"errorType": "UnauthorizedException", "message": REFUSED}]
    }


def test_a_removed_user_s_tokens_stop_working_at_once(live_server: LiveServer) -> None:
    users = UserStore.in_data_dir(live_server.settings.data_dir)
    users.add("rex", "rex-password", ["Admins"])
    tokens = login(live_server, "rex", "rex-password").json()["AuthenticationResult"]
    allowed = _call_as(live_server, tokens["IdToken"])
    assert allowed.json()["errors"][0]["errorType"] == "NotFound"  # it reached the resolver
    users.remove("rex")  # what `hrgraph users remove rex` does, while the server runs
    assert _refused_whole(_call_as(live_server, tokens["IdToken"]))
    refreshed = httpx.post(
        f"{live_server.base_url}/auth/refresh", json={"refreshToken": tokens["RefreshToken"]}
    )
    assert refreshed.status_code == 400


def test_a_disabled_user_is_refused_until_enabled_and_signed_in_anew(
    live_server: LiveServer,
) -> None:
    users = UserStore.in_data_dir(live_server.settings.data_dir)
    users.add("dee", "dee-password", ["Admins"])
    old = login(live_server, "dee", "dee-password").json()["AuthenticationResult"]["IdToken"]
    users.set_disabled("dee", True, int(time.time()) + 1)
    assert _refused_whole(_call_as(live_server, old))
    assert login(live_server, "dee", "dee-password").status_code == 400
    users.set_disabled("dee", False, int(time.time()) + 1)
    assert _refused_whole(_call_as(live_server, old))  # tokens from before stay refused
    time.sleep(1.1)
    fresh = login(live_server, "dee", "dee-password").json()["AuthenticationResult"]["IdToken"]
    assert _call_as(live_server, fresh).json()["errors"][0]["errorType"] == "NotFound"


def test_another_user_s_token_is_untouched_by_a_removal(live_server: LiveServer) -> None:
    users = UserStore.in_data_dir(live_server.settings.data_dir)
    users.add("gone", "gone-password", ["Viewers"])
    users.remove("gone")
    assert _call_as(live_server, live_server.token).json()["errors"][0]["errorType"] == "NotFound"


def test_one_users_failures_lock_out_no_one_else_behind_the_address(
    live_server: LiveServer,
) -> None:
    UserStore.in_data_dir(live_server.settings.data_dir).add("ann", "ann-password", ["Analysts"])
    for _ in range(5):
        assert login(live_server, "ann", "guess-guess").status_code == 400
    assert login(live_server, "ann", "ann-password").json()["message"] == (
        "Password attempts exceeded"
    )
    assert login(live_server, "admin", ADMIN_PASSWORD).status_code == 200


def test_a_stranger_elsewhere_cannot_lock_out_a_named_user(live_server: LiveServer) -> None:
    # 127.0.0.2 is another address of the loopback: another machine, as the server sees it.
    elsewhere = httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"))
    with elsewhere:
        for _ in range(6):
            answer = elsewhere.post(
                f"{live_server.base_url}/auth/login",
                json={"username": "admin", "password": "guess-guess"},
            )
            assert answer.status_code == 400
        assert answer.json()["message"] == "Password attempts exceeded"
    assert login(live_server, "admin", ADMIN_PASSWORD).status_code == 200


def test_a_forwarded_for_header_does_not_dodge_the_lockout(live_server: LiveServer) -> None:
    # No proxy is configured (HRGRAPH_TRUSTED_PROXIES): the header is the client's own word.
    for attempt in range(5):
        answer = httpx.post(
            f"{live_server.base_url}/auth/login",
            json={"username": "admin", "password": "guess-guess"},
            headers={"X-Forwarded-For": f"203.0.113.{attempt}"},
        )
        assert answer.json()["message"] == "Incorrect username or password."
    blocked = httpx.post(
        f"{live_server.base_url}/auth/login",
        json={"username": "admin", "password": ADMIN_PASSWORD},
        headers={"X-Forwarded-For": "203.0.113.99"},
    )
    assert blocked.json()["message"] == "Password attempts exceeded"


def test_a_password_change_revokes_tokens_of_the_same_second(live_server: LiveServer) -> None:
    users = UserStore.in_data_dir(live_server.settings.data_dir)
    users.add("sam", "sam-password", ["Admins"])
    before = login(live_server, "sam", "sam-password").json()["AuthenticationResult"]
    users.set_password("sam", "sam-password-2", time.time())  # within the same second, mostly
    assert _refused_whole(_call_as(live_server, before["IdToken"]))
    refreshed = httpx.post(
        f"{live_server.base_url}/auth/refresh", json={"refreshToken": before["RefreshToken"]}
    )
    assert refreshed.status_code == 400
    after = login(live_server, "sam", "sam-password-2").json()["AuthenticationResult"]["IdToken"]
    assert _call_as(live_server, after).json()["errors"][0]["errorType"] == "NotFound"


def test_the_auth_files_are_tightened_at_every_start(live_server: LiveServer) -> None:
    folder = live_server.settings.data_dir / "auth"
    users = folder / "users.json"
    users.chmod(0o644)
    folder.chmod(0o755)
    LocalIssuer.in_data_dir(live_server.settings.data_dir)  # what the server does as it starts
    assert stat.S_IMODE(users.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


SPRAY = """
import sys
from concurrent.futures import ThreadPoolExecutor
import httpx
url = sys.argv[1]
def spray(client):
    with httpx.Client(timeout=120) as http:
        return [
            http.post(url, json={"username": f"nobody{client}x{n}", "password": "guess-guess"})
            .status_code
            for n in range(4)
        ]
with ThreadPoolExecutor(32) as pool:
    print(sorted({s for answer in pool.map(spray, range(32)) for s in answer}))
"""
"""32 clients, each sending new usernames (a full argon2 check each), from a process of
their own: as clients elsewhere, they share no interpreter lock with the server."""


def test_a_spray_of_sign_ins_starves_no_one(
    live_server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # argon2 takes every core it is given: checks in parallel starve everyone by the
    # machine's CPU, which no wall-clock bound tells apart from a loaded machine. So the
    # checks are counted as they run (the server runs in this process).
    running, most, checks, lock = 0, 0, 0, threading.Lock()
    real = LocalIssuer.login

    def counted(issuer: LocalIssuer, username: str, password: str) -> dict[str, Any] | None:
        nonlocal running, most, checks
        with lock:
            running, checks = running + 1, checks + 1
            most = max(most, running)
        try:
            return real(issuer, username, password)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(LocalIssuer, "login", counted)
    with bystander(live_server) as others:
        sprayed = subprocess.run(
            [sys.executable, "-c", SPRAY, f"{live_server.base_url}/auth/login"],
            capture_output=True,
            text=True,
            timeout=WAIT,
            check=True,
        )
    assert sprayed.stdout.strip() == "[400]"  # refused, or told to wait: never an error
    assert checks > 0 and most == 1, f"{most} argon2 checks ran at once"
    others.assert_never_starved()
