"""Each rule's own random stream: draw n of seed s is a pure function of (s, n), so a run repeats exactly.

A counter-based generator keeps a rule's stream position a single integer in its record, so snapshots,
resets and the data file carry it, and no generator object has to live beside the store.
"""

from __future__ import annotations

import hashlib
import math
from statistics import NormalDist

_UNIT = NormalDist()


def uniform(seed: int, rule_id: str, n: int) -> float:
    """Draw number `n` of the stream of (`seed`, `rule_id`): a float in [0, 1)."""
    digest = hashlib.blake2b(f"{seed}/{rule_id}/{n}".encode(), digest_size=8).digest()
    return (int.from_bytes(digest, "big") >> 11) / float(1 << 53)


def normal(u: float) -> float:
    """The standard normal deviate at quantile `u`."""
    return _UNIT.inv_cdf(min(max(u, 1e-12), 1 - 1e-12))


def lognormal_ms(median_ms: float, sigma: float, u: float) -> float:
    """A lognormal delay with that median and shape, at quantile `u`."""
    return median_ms * math.exp(sigma * normal(u))
