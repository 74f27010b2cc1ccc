"""The store: every tenant, created on first use from the initial world."""

from __future__ import annotations

import copy
import gc
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping

from sandbox.core.store.persist import Persistence
from sandbox.core.store.tenant import TenantState, World, check_world
from sandbox.core.vendor import CollectionSpec

TENANT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}\Z")
"""A valid tenant name, matched whole (`\\Z`, not `$`: a trailing newline is not a separate tenant)."""


class TenantLimitError(RuntimeError):
    """No room for another tenant: every one in memory is in use, or they are persisted (`--data`)."""


class Store:
    """Tenants by name. A tenant is made, from the initial world, the first time it is named.

    At most `max_tenants` are held. In memory, making one more evicts the tenant idle longest (no
    request of it in progress); its state is gone, and naming it again makes it afresh. With a data
    file, tenants are never dropped: one more is refused with TenantLimitError.
    """

    def __init__(
        self,
        schema: Mapping[tuple[str, str], CollectionSpec],
        initial_world: World,
        persistence: Persistence | None = None,
        max_tenants: int | None = None,
    ) -> None:
        check_world(initial_world, schema)
        self.schema = dict(schema)
        self.initial_world = initial_world
        self.persistence = persistence
        self.max_tenants = max_tenants
        self._tenants: OrderedDict[str, TenantState] = OrderedDict()  # least recently used first
        self._in_use: dict[str, int] = {}
        self._lock = threading.Lock()
        if persistence is not None:
            self._restore(persistence)

    def _restore(self, persistence: Persistence) -> None:
        # Loading makes millions of objects and frees none: the garbage collector would walk all
        # of them again and again (restart time growing with the square of the data), so it waits.
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._load_tenants(persistence)
        finally:
            if enabled:
                gc.enable()

    def _load_tenants(self, persistence: Persistence) -> None:
        keys = {f"{ns}.{coll}": spec.key for (ns, coll), spec in self.schema.items()}
        for name, colls in persistence.load(keys).items():
            tenant = TenantState(name, self.schema)
            for collection in tenant.collections.values():
                collection._load(colls.get(collection.name, {}).values())
            tenant.persistence = persistence
            self._tenants[name] = tenant
        # The log is short (compaction keeps it so): it is compacted by the first write that finds it due,
        # not at start, where compaction would compete with the first answers.
        persistence.attach(self._copy_all)

    def _copy_all(self) -> dict[str, dict[str, list[dict]]]:
        with self._lock:
            tenants = list(self._tenants.values())
        return {t.name: t.copy_records() for t in tenants}

    def held(self, name: str) -> TenantState | None:
        """The tenant `name` if it is in memory now (nothing is made, nothing moves)."""
        return self._tenants.get(name)

    def tenant(self, name: str) -> TenantState:
        """The tenant `name`, created with the initial world on first use (TenantLimitError if no room)."""
        with self._lock:
            tenant = self._tenants.get(name)
            if tenant is not None:
                self._tenants.move_to_end(name)
                return tenant
            self._make_room()
            tenant = TenantState(name, self.schema, self.persistence)
            tenant.load(self.fresh_world())
            self._tenants[name] = tenant
        return tenant

    def enter(self, name: str) -> TenantState:
        """The tenant `name`, held in memory until `leave` (a request of it is in progress)."""
        with self._lock:
            self._in_use[name] = self._in_use.get(name, 0) + 1
        try:
            return self.tenant(name)
        except BaseException:
            self.leave(name)
            raise

    def leave(self, name: str) -> None:
        """A request of tenant `name` is over."""
        with self._lock:
            left = self._in_use.get(name, 0) - 1
            if left > 0:
                self._in_use[name] = left
            else:
                self._in_use.pop(name, None)

    def _make_room(self) -> None:
        """Evict the least recently used idle tenant if the store is full (lock held)."""
        if self.max_tenants is None or len(self._tenants) < self.max_tenants:
            return
        if self.persistence is not None:
            raise TenantLimitError(
                f"this sandbox holds its limit of {self.max_tenants} tenants, kept in its data file "
                "(raise SANDBOX_MAX_TENANTS)"
            )
        for name in self._tenants:
            if name not in self._in_use:
                del self._tenants[name]
                return
        raise TenantLimitError(
            f"every one of this sandbox's {self.max_tenants} tenants is serving a request "
            "(raise SANDBOX_MAX_TENANTS)"
        )

    def fresh_world(self) -> World:
        """A private copy of the initial world."""
        return copy.deepcopy(self.initial_world)

    def reset(self, name: str) -> TenantState:
        """Bring the tenant back to the initial world."""
        tenant = self.tenant(name)
        with tenant.transaction():
            tenant.load(self.fresh_world())
            tenant.extras.clear()
        return tenant

    def names(self) -> list[str]:
        """The names of the tenants that exist."""
        with self._lock:
            return sorted(self._tenants)

    def close(self) -> None:
        """Flush everything to the data file, if there is one."""
        if self.persistence is not None:
            self.persistence.close()
