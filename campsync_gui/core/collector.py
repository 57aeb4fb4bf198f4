"""Python's garbage collector for a process without a window (a command, the worker, a script using the core).

What a process has loaded when its work starts (modules, types, the parser) lives as long as the process: it is
moved out of the collector's sight (gc.freeze), so passes stop walking it, and young passes are made rarer. A
10,000-person `campsync add` otherwise built and freed enough lists and dicts for 230 collections, 150-250 ms of its
time; most garbage has no cycles and reference counting frees it at once anyway. (The window has its own rules:
ui/gc_guard.py.)"""

from __future__ import annotations

import gc

# Allocations between young collections (Python's default: 700).
YOUNG_GENERATION_THRESHOLD = 20_000


def settle_collector() -> None:
    gc.freeze()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, *gc.get_threshold()[1:])
