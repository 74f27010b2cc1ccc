"""The answer cache: a read asked again, whose answer cannot have changed, is answered again at once.

A load test (or a polling client) sends the same read over and over. The view that answers it
decides nothing new while its tenant's records are unchanged, so the answer is kept, per tenant,
with the tenant's version (`TenantState.version`, which every write moves on) and how long it stays
right on the tenant's clock (a token's expiry). The same request again, same method, path, query,
headers and body, in the same tenant at the same version and before that deadline, is answered
with the kept bytes without running Flask, the routing or the view. Everything a client or a test
can observe is kept as it was: the journal gets the entry the view's request would have left
(its time and duration its own), and the answer is the view's, byte for byte.

An answer is kept only when all of these hold:
- the view said its answer may be reused (`reuse.allow`: it reads and never writes) and did not
  read the clock's instant (`reuse.instant`), and the tenant's version did not move while it ran;
- no fault rule could have acted on it: every rule names another vendor and can never expire or be
  used up (the rules are records: changing one moves the version), and none fired;
- a 200 with its whole body in memory, to a GET or POST whose body is small and of declared length.
It is given again only under the signing key it was made under (a token's answer depends on it).

Bounded per tenant by entries (`ANSWER_CACHE`, 0 turns it off) and by bytes (`ANSWER_CACHE_BYTES`);
an answer of another version is never kept beside the current ones. `ANSWER_CACHE_CHECK` makes every
hit also run the view and compare (the test suite runs so): a difference raises `AnswerMismatch`.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sandbox.core import jwt
from sandbox.core.clock import Clock
from sandbox.core.tenancy import DEFAULT_TENANT, MOUNT_ENVIRON, TENANT_ENVIRON, WSGIApp

if TYPE_CHECKING:
    from flask import Request, Response

    from sandbox.core.context import Call
    from sandbox.core.runtime import Sandbox

EXTRAS_KEY = "sandbox.answers"
REUSABLE = "reuse.answer"
"""call.notes: (tenant version, deadline) of a view's answer that may be reused (see SandboxFlask)."""
JOURNAL_RAW = "journal.raw"
"""call.notes: the journal's raw entry of the request (the template of a reused answer's entry)."""
JOURNAL_COST = "journal.cost"
"""call.notes: what the journal counts for that entry."""
FAULTS_STATIC = "faults.static"
"""call.notes: no fault rule could act on this request, whatever the instant (see FaultHook)."""
BODY_BYTES = 64 * 1024
"""The largest request body a kept answer's request may have."""
ANSWER_BYTES = 256 * 1024
"""The largest answer kept."""
ENTRY_BYTES = 600
"""What a kept answer takes besides its bytes (its tuples and small values)."""
METHODS = ("GET", "POST")
HEADER_KEYS = ("CONTENT_TYPE", "CONTENT_LENGTH")
DEFAULTS = {"ANSWER_CACHE": 256, "ANSWER_CACHE_BYTES": 2 * 1024 * 1024, "ANSWER_CACHE_CHECK": False}

Key = tuple[Any, ...]
ANSWER_ONLY = "sandbox.answer_only"
"""environ: answer only from kept answers; anything else returns MISS at once (the server's event
loop asks so, and gives the request to a thread on a MISS)."""
MISS: tuple[bytes, ...] = ()


class AnswerMismatch(RuntimeError):
    """A kept answer differs from what the view answers now (only raised with ANSWER_CACHE_CHECK)."""


@dataclass(frozen=True)
class Answer:
    """A view's answer as it went out, and the journal entry its request left."""

    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    until: float
    """The tenant-clock moment from which it is no longer right (a token's expiry; inf: none)."""
    journal: tuple[Any, ...] | None
    journal_cost: int
    """What the journal counts for each of its entries (the same for every one)."""
    key_epoch: int
    """The signing key it was made under (`jwt.epoch`): a token's answer is right only under its key."""
    cost: int


class TenantAnswers:
    """One tenant's kept answers, all of one version of the tenant."""

    def __init__(self, size: int, budget_bytes: int) -> None:
        self.size = size
        self.budget_bytes = budget_bytes
        self.version = -1
        self.answers: dict[Key, Answer] = {}
        self.bytes = 0
        self.hits = 0
        """Answers given again (checked ones too)."""
        self._lock = threading.Lock()

    def get(self, key: Key, version: int) -> Answer | None:
        """The answer kept for `key` at `version`, if any."""
        if version != self.version:
            return None
        return self.answers.get(key)

    def keep(self, key: Key, version: int, answer: Answer) -> None:
        """Keep `answer` (made at `version`); older versions' answers go, the oldest go while over a bound."""
        with self._lock:
            if version < self.version:
                return
            if version > self.version:
                self.answers.clear()
                self.bytes = 0
                self.version = version
            old = self.answers.pop(key, None)
            if old is not None:
                self.bytes -= old.cost
            self.answers[key] = answer
            self.bytes += answer.cost
            while self.answers and (len(self.answers) > self.size or self.bytes > self.budget_bytes):
                oldest = next(iter(self.answers))
                self.bytes -= self.answers.pop(oldest).cost

    def drop(self, key: Key) -> None:
        """Forget the answer of `key` (its deadline passed)."""
        with self._lock:
            old = self.answers.pop(key, None)
            if old is not None:
                self.bytes -= old.cost


def request_key(environ: dict[str, Any], body: bytes) -> Key:
    """Everything of a request a view may read: method, where it was sent, headers, body."""
    headers = tuple(
        item
        for name, value in environ.items()
        if name.startswith("HTTP_") or name in HEADER_KEYS
        for item in (name, value)
    )
    return (
        environ.get("REQUEST_METHOD"),
        environ.get("wsgi.url_scheme"),
        environ.get("SERVER_NAME"),
        environ.get("SERVER_PORT"),
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
        environ.get(MOUNT_ENVIRON),
        environ.get(TENANT_ENVIRON),
        headers,
        body,
    )


def keepable_body(environ: dict[str, Any], limit: int) -> bool:
    """Whether the request's body is of declared length and small enough to be part of a key."""
    if environ.get("HTTP_TRANSFER_ENCODING"):
        return False
    length = environ.get("CONTENT_LENGTH") or "0"
    return length.isdigit() and int(length) <= limit


def remember(sandbox: Sandbox, call: Call, request: Request, response: Response) -> None:
    """after_request: keep the answer of `call` if it may be reused (see the module's list)."""
    reusable = call.notes.get(REUSABLE)
    config = sandbox.answer_config
    if reusable is None or config.size <= 0 or call.fault is not None or not call.notes.get(FAULTS_STATIC):
        return
    environ = request.environ
    if response.status_code != 200 or response.is_streamed or response.direct_passthrough:
        return
    if environ.get("REQUEST_METHOD") not in METHODS or not keepable_body(environ, config.body_limit):
        return
    body = response.get_data()
    if len(body) > ANSWER_BYTES:
        return
    version, until = reusable
    key = request_key(environ, request.get_data(cache=True))
    journal = call.notes.get(JOURNAL_RAW)
    answer = Answer(
        response.status,
        tuple(response.headers.to_wsgi_list()),
        body,
        until,
        tuple(journal) if journal is not None else None,
        int(call.notes.get(JOURNAL_COST) or 0),
        jwt.epoch(),
        ENTRY_BYTES + len(body) + _key_bytes(key),
    )
    tenant = call.tenant
    answers = tenant.extras.get(EXTRAS_KEY)
    if answers is None:
        answers = tenant.extras.setdefault(EXTRAS_KEY, TenantAnswers(config.size, config.budget_bytes))
    answers.keep(key, version, answer)
    sandbox.answers_kept = True


def _key_bytes(key: Key) -> int:
    """The characters and bytes a key holds."""
    return sum(len(str(part)) for part in key[:9]) + sum(len(item) for item in key[9]) + len(key[10])


@dataclass(frozen=True)
class AnswerConfig:
    """The cache's settings, from the app's config."""

    size: int
    budget_bytes: int
    check: bool
    body_limit: int

    @classmethod
    def from_config(cls, config: dict[str, Any], auth_before_body_bytes: int) -> AnswerConfig:
        """The settings a config names (ValueError naming the setting when one is not a whole number >= 0)."""
        values = []
        for name in ("ANSWER_CACHE", "ANSWER_CACHE_BYTES"):
            raw = config.get(name, DEFAULTS[name])
            if isinstance(raw, bool) or not isinstance(raw, (int, str)) or not str(raw).isdigit():
                raise ValueError(f"SANDBOX_{name}: must be a whole number, 0 or more, got {raw!r}")
            values.append(int(raw))
        check = config.get("ANSWER_CACHE_CHECK", False)
        return cls(values[0], values[1], bool(check), min(BODY_BYTES, auth_before_body_bytes))


class AnswerCacheMiddleware:
    """WSGI: answers a request from its tenant's kept answers, else passes it to the app."""

    def __init__(
        self, app: WSGIApp, sandbox: Sandbox, journal: Callable[[Any, tuple[Any, ...], int], None]
    ) -> None:
        self.app = app
        self.sandbox = sandbox
        self.journal = journal
        """Records a reused answer's journal entry (the journal hook's `replayed`)."""

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        answer = self.answer(environ, start_response)
        if answer is not MISS:
            return answer
        if environ.get(ANSWER_ONLY):
            return MISS
        return self.app(environ, start_response)

    def answer(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """The kept answer of this request, sent (and journaled); MISS when there is none to give."""
        started = time.perf_counter()
        if environ.get("REQUEST_METHOD") not in METHODS:
            return MISS
        name = environ.get(TENANT_ENVIRON) or DEFAULT_TENANT
        store = self.sandbox.store
        tenant = store.held(name)
        answers = tenant.extras.get(EXTRAS_KEY) if tenant is not None else None
        if answers is None or not answers.answers or answers.version != tenant.version:  # type: ignore[union-attr]
            return MISS
        config = self.sandbox.answer_config
        if not keepable_body(environ, config.body_limit):
            return MISS
        body = b""
        if environ.get("CONTENT_LENGTH") not in (None, "", "0"):
            body = environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"]))
            environ["wsgi.input"] = io.BytesIO(body)  # the app reads it again on a miss
        key = request_key(environ, body)
        answer = answers.get(key, tenant.version)  # type: ignore[union-attr]
        if answer is None or answer.key_epoch != jwt.epoch():
            return MISS
        entered = store.enter(name)
        try:
            if entered is not tenant:  # evicted and made afresh meanwhile
                return MISS
            now = Clock(tenant).time()
            if now >= answer.until:
                answers.drop(key)  # type: ignore[union-attr]
                return MISS
            if config.check and environ.get(ANSWER_ONLY):
                return MISS  # the check runs the view: not in the server's event loop
            answers.hits += 1  # type: ignore[union-attr]
            if config.check:
                return self._checked(environ, start_response, answer, body)
            start_response(answer.status, list(answer.headers))
            if answer.journal is not None:
                entry = answer.journal
                elapsed = round((time.perf_counter() - started) * 1000.0, 3)
                self.journal(tenant, (now, *entry[1:9], elapsed, *entry[10:]), answer.journal_cost)
            return [answer.body]
        finally:
            store.leave(name)

    def _checked(
        self, environ: dict[str, Any], start_response: Callable[..., Any], answer: Answer, body: bytes
    ) -> Iterable[bytes]:
        """Run the app too, and raise AnswerMismatch unless it answers what was kept."""
        environ["wsgi.input"] = io.BytesIO(body)
        seen: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[..., Any]:
            seen["status"], seen["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.app(environ, capture)
        try:
            fresh = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        if (seen.get("status"), tuple(seen.get("headers") or ()), fresh) != (
            answer.status,
            answer.headers,
            answer.body,
        ):
            raise AnswerMismatch(
                f"kept answer of {environ.get('REQUEST_METHOD')} {environ.get('PATH_INFO')} differs: "
                f"kept {answer.status} {answer.body[:200]!r}, now {seen.get('status')} {fresh[:200]!r}"
            )
        return [fresh]
