"""What a vendor view's answer depends on, so that the answer cache knows when it may answer again.

While a view runs (`watching`), the pieces it uses say what its answer depends on:
- the view itself says its answer may be reused (`allow`): it reads, never writes, and uses nothing
  but the request and the tenant's records (a write would change the tenant's version anyway);
- a deadline checked on the clock (`Clock.reached`: a token's expiry) bounds how long it may be
  reused (`until`);
- a plain read of the clock (`Clock.time`: an answer that shows or computes from the instant) means
  it may not be reused at all (`instant`).

Outside a watch (the journal, the fault hook, the control plane) these calls cost one lookup.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class Watch:
    """What one view's answer was found to depend on."""

    allowed: bool = False
    instant: bool = False
    until: float = math.inf

    @property
    def reusable(self) -> bool:
        """Whether the answer may be given again to the same request while the tenant is unchanged."""
        return self.allowed and not self.instant


_WATCH: ContextVar[Watch | None] = ContextVar("sandbox_reuse_watch", default=None)


@contextmanager
def watching() -> Iterator[Watch]:
    """Watch the view run inside this block."""
    watch = Watch()
    token = _WATCH.set(watch)
    try:
        yield watch
    finally:
        _WATCH.reset(token)


def allow() -> None:
    """The running view reads only: its answer is a function of the request and the tenant's records."""
    watch = _WATCH.get()
    if watch is not None:
        watch.allowed = True


def instant() -> None:
    """The running view read the clock's instant: its answer may not be reused."""
    watch = _WATCH.get()
    if watch is not None:
        watch.instant = True


def until(moment: float) -> None:
    """The running view's answer changes when the tenant's clock reaches `moment`."""
    watch = _WATCH.get()
    if watch is not None and moment < watch.until:
        watch.until = moment


def reusable(view: Callable[P, R]) -> Callable[P, R]:
    """A view that only reads: its answer may be given again while its tenant is unchanged (`allow`)."""

    @functools.wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        allow()
        return view(*args, **kwargs)

    return wrapper
