"""Qt test fixtures: a qasync loop per test (pytest-qt does not drive asyncio) and QSettings kept in tmp."""

import asyncio
import gc

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def collect_garbage_between_tests(qapp):
    """Free each test's Qt objects here, at a quiet moment, not whenever the collector next runs.

    Left to the collector, a window or model of an earlier test can be freed from another thread (the
    sandbox org's server runs in one) or in the middle of Qt code of a later test: that was an intermittent
    segfault in pytest-qt's processEvents. The app does the same with ui.gc_guard.
    """
    gc.disable()
    yield
    qapp.processEvents()
    gc.collect()
    qapp.processEvents()
    gc.enable()


@pytest.fixture
def qloop(qapp, tmp_path):
    QCoreApplication.setOrganizationName("CampSyncTests")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    errors = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    yield loop
    # Finish what the test left running (slots' tasks, connection pools) before the loop goes: a Qt timer
    # or socket notifier of a closed loop firing later in another test is a use-after-free.
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()
    asyncio.set_event_loop(None)
    qapp.processEvents()
    assert not [e for e in errors if not isinstance(e.get("exception"), asyncio.CancelledError)], errors
