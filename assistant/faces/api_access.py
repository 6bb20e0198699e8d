"""Who may call the HTTP API: bearer tokens kept only as sha256 digests, the loopback alone when none is
configured, and a token bucket per caller."""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
import secrets
import threading
import time
from dataclasses import dataclass, field

TOKEN_BYTES = 32
LOOPBACK_CALLER = "loopback"
MESSAGE_NO_TOKEN = (
    "Jeton d'accès absent ou invalide : envoyez l'en-tête « Authorization: Bearer <jeton> » "
    "avec le jeton fourni par votre administrateur."
)
MESSAGE_LOOPBACK_ONLY = (
    "Aucun jeton d'accès n'est configuré (api_tokens) : l'API ne répond qu'aux appels venant de ce serveur."
)
MESSAGE_TOO_MANY = "Trop de requêtes pour cet accès : réessayez dans {seconds} s."


class ApiError(Exception):
    """A request the API answers with a French message, never a traceback."""

    def __init__(self, status: int, message: str, kind: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.kind = kind
        self.headers = headers or {}


def new_token() -> tuple[str, str]:
    """A fresh bearer token and the digest to list in `api_tokens`."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_digest(token)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def is_loopback(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


@dataclass
class TokenBucket:
    capacity: float
    per_second: float
    level: float
    updated: float

    def take(self, now: float) -> float:
        """0 when a request may go now (and it is counted), otherwise the seconds until one may."""
        self.level = min(self.capacity, self.level + (now - self.updated) * self.per_second)
        self.updated = now
        if self.level >= 1:
            self.level -= 1
            return 0.0
        return (1 - self.level) / self.per_second


@dataclass
class Gate:
    digests: tuple[str, ...]
    rate_per_minute: int
    _buckets: dict[str, TokenBucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def caller(self, authorization: str | None, client_host: str | None) -> str:
        """Who calls: the digest of a listed token, or the loopback when no token is configured."""
        if not self.digests:
            if is_loopback(client_host):
                return LOOPBACK_CALLER
            raise ApiError(403, MESSAGE_LOOPBACK_ONLY, "forbidden")
        scheme, _, token = (authorization or "").partition(" ")
        digest = token_digest(token.strip()) if scheme.lower() == "bearer" and token.strip() else ""
        if digest and any(hmac.compare_digest(digest, known) for known in self.digests):
            return digest
        raise ApiError(401, MESSAGE_NO_TOKEN, "unauthorized", {"WWW-Authenticate": "Bearer"})

    def admit(self, caller: str) -> None:
        """Counts one request of `caller`; 429 once its bucket is empty."""
        now = time.monotonic()
        with self._lock:
            bucket = self._buckets.setdefault(
                caller, TokenBucket(self.rate_per_minute, self.rate_per_minute / 60, self.rate_per_minute, now)
            )
            wait = bucket.take(now)
        if wait:
            seconds = math.ceil(wait)
            raise ApiError(429, MESSAGE_TOO_MANY.format(seconds=seconds), "rate_limited",
                           {"Retry-After": str(seconds)})
