"""The C allocator's setting that lets a served process give freed memory back to the system.

glibc raises its trim threshold each time a large block is freed (its dynamic mmap threshold), so
after one big request (a state of 100,000 records, a CSV import) the memory its parsing freed stays
in the process. Fixing the threshold at glibc's default keeps trimming on: what is freed at the top
of the heap goes back. Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes

M_TRIM_THRESHOLD = -1
"""mallopt's parameter number (glibc's malloc.h)."""
TRIM_THRESHOLD_BYTES = 128 * 1024
"""glibc's default: free memory above this much at the top of the heap is given back."""


def keep_trimming() -> bool:
    """Fix glibc's trim threshold (True), or do nothing where the C library is not glibc (False)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the process's own symbols: the C library's, on Linux
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))
