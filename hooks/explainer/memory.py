"""Memory the build has freed, handed back to the system.

Python returns a large string's memory to the C library when the string goes, but glibc's allocator
keeps freed memory for the process's next allocations unless a whole region at the top of its heap
is free: after the engine merged and wrote the pages of 10,000 articles, the MkDocs process went on
holding about 180 MB it had freed (550 MB resident; 370 MB once handed back), and every process it
forks afterwards (the second core's renders, the search index) starts with that size. `give_back`
asks glibc to return it (`malloc_trim`, about 20 ms there); elsewhere (another C library, another
system) it does nothing."""
from __future__ import annotations

import ctypes
import gc


def give_back() -> bool:
    """Collect unreachable objects and return freed memory to the system; whether the C library could."""
    gc.collect()
    trim = _malloc_trim()
    return bool(trim is not None and trim(0))


def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none."""
    try:
        return ctypes.CDLL(None).malloc_trim          # the symbols the interpreter is linked with
    except (OSError, AttributeError):
        return None
