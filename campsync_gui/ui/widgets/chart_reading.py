"""Reading what a chart draws on a helper thread, and bringing in QtCharts there the first time.

QtCharts is not part of the window's start (its import took ~100 ms of a cold start): the first chart a person
opens imports it while the store is read, instead of before the window's first paint or after the read."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def _import_then_read(read: Callable[..., T], *args) -> T:
    importlib.import_module("PySide6.QtCharts")  # loads the library and registers its types: no QObject made here
    return read(*args)


async def read_for_chart(read: Callable[..., T], *args) -> T:
    """`read(*args)` on a helper thread (QtCharts imported there first, once)."""
    return await asyncio.to_thread(_import_then_read, read, *args)
