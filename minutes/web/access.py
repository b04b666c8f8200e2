"""Who may do what: passwords and roles, login rate limit, CSRF tokens.

Two roles. A *viewer* reads, searches and downloads; a *clerk* also changes task
statuses, writes progress notes and imports documents. Passwords come from

- ``MINUTES_WEB_PASSWORD`` (the clerk's) and ``MINUTES_WEB_VIEWER_PASSWORD``, or
- ``--password-file FILE``: lines ``clerk: SECRET`` and/or ``viewer: SECRET``
  (``#`` comments and blank lines allowed; a line without a role is the clerk's).

With no password at all the page is open, as a clerk, to whoever runs it — which is why
``minutes serve`` then refuses any address but the loopback. With a password, everyone
logs in with a name (recorded in task histories) and the password of their role.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from minutes.errors import MinutesError

ROLES = ("viewer", "clerk")


@dataclass(frozen=True)
class Passwords:
    by_role: dict[str, str] = field(default_factory=dict)

    @property
    def required(self) -> bool:
        return bool(self.by_role)

    def role_of(self, password: str) -> str | None:
        """The role a password opens (the clerk's wins if both are the same), or None."""
        found = None
        for role in ROLES:
            expected = self.by_role.get(role)
            # compare every configured password, so timing says nothing about which matched
            if expected is not None and hmac.compare_digest(expected.encode(), password.encode()):
                found = role
        return found


def load_passwords(password_file: Path | None = None, environ: dict[str, str] | None = None) -> Passwords:
    environ = os.environ if environ is None else environ
    by_role: dict[str, str] = {}
    if environ.get("MINUTES_WEB_PASSWORD"):
        by_role["clerk"] = environ["MINUTES_WEB_PASSWORD"]
    if environ.get("MINUTES_WEB_VIEWER_PASSWORD"):
        by_role["viewer"] = environ["MINUTES_WEB_VIEWER_PASSWORD"]
    if password_file is not None:
        try:
            lines = Path(password_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise MinutesError(f"cannot read password file {password_file}: {getattr(error, 'strerror', None) or error}") from None
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            role, sep, secret = line.partition(":")
            if not sep:
                role, secret = "clerk", line
            role, secret = role.strip(), secret.strip()
            if role not in ROLES:
                raise MinutesError(f"{password_file}:{number}: role must be viewer or clerk, not {role!r}")
            if len(secret) < 8:
                raise MinutesError(f"{password_file}:{number}: the {role}'s password is shorter than 8 characters")
            by_role[role] = secret
    return Passwords(by_role)


KEY_SUFFIX = ".session-key"


def session_secret(db: Path, passwords: Passwords) -> str:
    """The key that signs session cookies, kept beside the archive (``minutes.db`` →
    ``minutes.db.session-key``, readable by its owner only) so that restarting the server
    logs nobody out. It is bound to the passwords: changing one ends every session made
    with the old ones. Raises ``MinutesError`` when the key can be neither read nor made."""
    path = Path(db).with_name(Path(db).name + KEY_SUFFIX)
    try:
        try:
            key = path.read_bytes()
        except FileNotFoundError:
            key = _new_key(path)
    except OSError as error:
        raise MinutesError(f"cannot keep the session key in {path}: {error.strerror or error}") from None
    if len(key) < 32:
        raise MinutesError(f"{path} is not a session key (remove it; a new one is made)")
    bound = "\n".join(f"{role}:{secret}" for role, secret in sorted(passwords.by_role.items()))
    return hmac.new(key, bound.encode(), "sha256").hexdigest()


def _new_key(path: Path) -> bytes:
    """Write a fresh key, owner-only, whole or not at all: it is linked into place once
    written, and a server started at the same moment that linked one first wins."""
    key = secrets.token_bytes(32)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(key)
        os.link(temporary, path)
    except FileExistsError:
        return path.read_bytes()
    finally:
        temporary.unlink(missing_ok=True)
    return key


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class RateLimit:
    """At most ``attempts`` failed logins per client address in ``window`` seconds."""

    def __init__(self, attempts: int = 5, window: float = 300.0):
        self.attempts, self.window = attempts, window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(client, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def blocked_for(self, client: str) -> float:
        """Seconds until ``client`` may try again (0: now)."""
        now = time.monotonic()
        with self._lock:
            failures = self._recent(client, now)
            return failures[0] + self.window - now if len(failures) >= self.attempts else 0.0

    def failed(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._recent(client, now).append(now)


def csrf_token(session: dict) -> str:
    """The session's CSRF token, created on first use."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def csrf_ok(session: dict, given: str | None) -> bool:
    expected = session.get("csrf")
    return bool(expected and given) and hmac.compare_digest(expected, given)
