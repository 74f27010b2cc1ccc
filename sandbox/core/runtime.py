"""The Sandbox object kept in `app.extensions["sandbox"]`: vendors, store and request hooks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from flask import Response

from sandbox.core.answer_cache import AnswerConfig
from sandbox.core.context import Call
from sandbox.core.errors import VendorError
from sandbox.core.limits import Limits
from sandbox.core.store import Store, TenantState
from sandbox.core.vendor import Vendor


class Hook(Protocol):
    """Something that sees every vendor request: the fault injector and the journal."""

    def before(self, call: Call) -> Response | None:
        """Runs before the vendor handles the request; a response returned here is sent instead."""

    def after(self, call: Call, response: Response) -> Response:
        """Runs after the response is made; may replace it."""

    def replayed(self, tenant: TenantState, entry: tuple[Any, ...], cost: int | None = None) -> None:
        """A kept answer was given again (see `answer_cache`): `entry` is its journal entry, `cost`
        what the journal counts for it."""


class Sandbox:
    """The running sandbox: which vendors it serves, their state, and what watches their requests."""

    def __init__(self, vendors: Iterable[Vendor], store: Store, config: dict[str, Any]) -> None:
        self.vendors: dict[str, Vendor] = {v.name: v for v in vendors}
        self.store = store
        self.config = config
        self.limits = Limits.from_config(config)
        self.answer_config = AnswerConfig.from_config(config, self.limits.auth_before_body_bytes)
        self.answers_kept = False
        """Whether any answer was ever kept (until then no request is worth offering to the cache)."""
        self.hooks: list[Hook] = []
        self.early_auth: dict[str, Callable[[str], None]] = {}
        """Per vendor: checks a request's credentials from its headers alone (given the vendor path),
        raising the vendor's 401, so a large body is refused before it is read."""
        self._by_prefix = sorted(self.vendors.values(), key=lambda v: len(v.prefix), reverse=True)

    def vendor_for_path(self, path: str) -> Vendor | None:
        """The vendor whose prefix `path` starts with."""
        for vendor in self._by_prefix:
            if path == vendor.prefix or path.startswith(vendor.prefix + "/"):
                return vendor
        return None

    def replayed(self, tenant: TenantState, entry: tuple[Any, ...], cost: int | None = None) -> None:
        """Tell every hook that a kept answer was given again."""
        for hook in self.hooks:
            replayed = getattr(hook, "replayed", None)  # a hook of a test may have only before/after
            if replayed is not None:
                replayed(tenant, entry, cost)

    def vendor_for_error(self, error: VendorError) -> Vendor | None:
        """The vendor whose error class `error` is."""
        for vendor in self.vendors.values():
            if isinstance(error, vendor.error):
                return vendor
        return None
