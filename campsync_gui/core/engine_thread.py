"""The sync engine's own thread: planning and rendering stay on the window's thread, while claiming, sending,
confirming and writing the store run here, on a second asyncio loop. Qt-free: the window only opts in.

Why a thread: every confirmed batch is store work (hundreds of rows, hashes of the trigger log) that, on the
window's loop, was a stall of its own; here it only competes for the interpreter lock, which the window gets back
within Python's switch interval. What crosses over: the call (run_coroutine_threadsafe), its result or exception
(the awaiting side re-raises it), and the bus's events (EventBus delivers them on the window's loop).
"""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")

# How long the engine thread may hold the interpreter before the window's thread gets a turn: 5 ms by default,
# which is most of an 8 ms frame budget; 2 ms keeps the window's turns short while the engine still gets most.
SWITCH_INTERVAL_S = 0.002


class EngineThread:
    """One daemon thread running an asyncio loop; `call(factory)` runs `factory()` there and awaits the result."""

    def __init__(self, name: str = "campsync-engine") -> None:
        self._name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            self._start()
        assert self._loop is not None
        return self._loop

    def _start(self) -> None:
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._thread = threading.Thread(target=self._main, name=self._name, daemon=True)
        self._thread.start()
        self._ready.wait()

    def _main(self) -> None:
        # A plain selector loop, not the policy's: under the window that would be a Qt loop, whose stop() ends
        # the window's own event loop.
        loop = asyncio.SelectorEventLoop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def call(self, factory: Callable[[], Awaitable[T]]) -> T:
        """Run `factory()` on the engine's loop; cancelling the caller cancels it there too."""
        future = asyncio.run_coroutine_threadsafe(_run(factory), self.loop)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()
            raise

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the loop once what it runs has finished (callers await their calls first)."""
        if self._loop is None or self._thread is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout)
        self._loop = self._thread = None
        self._ready.clear()


async def _run(factory: Callable[[], Awaitable[T]]) -> T:
    return await factory()


def on_loop(loop: asyncio.AbstractEventLoop, callback: Callable[..., None]) -> Callable[..., None]:
    """`callback` called on `loop`'s thread whichever thread calls the returned function (a progress report)."""
    def forward(*args) -> None:
        loop.call_soon_threadsafe(callback, *args)
    return forward
