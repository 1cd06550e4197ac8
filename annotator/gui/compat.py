"""Guards against known defects of the installed Qt binding.

PySide6 6.12.0 releases one reference to ``None`` on every call of a C++ method that returns
void. From Python 3.12 ``None`` is immortal and nothing happens; on 3.11 its count runs down and
the interpreter aborts ("deallocating None") after some minutes of work. pyproject.toml keeps
3.11 installs below 6.12; ``guard_none_refcount`` protects an environment that got one anyway.
"""

from __future__ import annotations

import sys


def binding_leaks_none(calls: int = 200) -> bool:
    """Whether void Qt calls lose references to None in this interpreter."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - calls // 2


def guard_none_refcount() -> bool:
    """If the binding leaks, make None effectively immortal (as Python 3.12 does); True if so."""
    if sys.version_info >= (3, 12) or not binding_leaks_none():
        return False
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    print(
        "annotator: this PySide6 build drops references to None; protected against it. "
        "Install PySide6-Essentials<6.12 on Python 3.11.",
        file=sys.stderr,
    )
    return True
