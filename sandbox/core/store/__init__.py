"""Per-tenant state: indexed in-memory collections, transactions, and a TinyDB file written behind."""

from sandbox.core.store.collection import Collection
from sandbox.core.store.registry import Store
from sandbox.core.store.tenant import TenantState

__all__ = ["Collection", "Store", "TenantState"]
