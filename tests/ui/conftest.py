"""Qt test fixtures: a qasync loop per test (pytest-qt does not drive asyncio) and QSettings kept in tmp."""

import asyncio

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture
def qloop(qapp, tmp_path):
    QCoreApplication.setOrganizationName("CampSyncTests")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    errors = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    yield loop
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()
    asyncio.set_event_loop(None)
    assert not errors, errors
