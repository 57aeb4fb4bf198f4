"""Help: the key facts of the README, the keyboard shortcuts and the versions, in windows that do not block."""

from __future__ import annotations

import platform
import sys
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

GETTING_STARTED = """
<h3>Getting started</h3>
<ul>
<li><b>Add people to a campaign</b>: drag them from People onto an active campaign, or select them and press
<b>Ctrl+Enter</b> (Edit → Add to campaign…). A preview says who will be added, created in Dynamics first,
skipped or blocked, and why: <b>Enter</b> confirms, <b>Esc</b> cancels.</li>
<li><b>Remove people</b>: select a campaign, then drag members back to People, or select them and press
<b>Delete</b>. Only people CampSync added can be removed; members from CRM lists are locked.</li>
<li><b>Undo</b> (Ctrl+Z) takes back the last flow action for exactly the people it changed, also after a
restart.</li>
<li>The <b>live log</b> shows <i>Added to / Removed from Microsoft Campaign</i> as Dynamics confirms each change;
the <b>queue</b> shows what is pending or failed, with the server's message (retry, cancel).</li>
<li>Campaign sync works only when it is on (Admin → Settings), the prerequisite solution is current and the
campaign is active. <b>Admin → Test connectivity</b> checks the connection step by step.</li>
<li>On the <b>built-in sandbox org</b> nothing touches a real Dynamics 365 org; it keeps what you do between
runs. Add your org with Admin → Connections.</li>
</ul>
"""

SHORTCUTS = (
    ("Ctrl+Enter", "Add the selected people to a campaign…"),
    ("Delete", "Remove the selected members from the campaign"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo the last flow action"),
    ("Ctrl+F", "Find people"),
    ("Ctrl+A", "Select every person that matches the search"),
    ("Tab / Shift+Tab", "Move between panels; arrows move inside a table"),
    ("Ctrl+Tab", "Next tab (People and campaigns, Automation)"),
    ("Ctrl+Shift+L", "Show or hide the live log and queue"),
    ("Ctrl+I", "Import people from a CSV file"),
    ("Ctrl+Shift+P", "Pull people and members from Dynamics"),
    ("F5", "Refresh campaigns"),
    ("Ctrl+Shift+C / Ctrl+, / Ctrl+Shift+T", "Connections / Settings / Test connectivity"),
    ("Enter / Esc", "Confirm / cancel a preview"),
    ("Ctrl+Q", "Quit"),
)


def shortcuts_html() -> str:
    rows = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>" for keys, what in SHORTCUTS)
    return f"<h3>Keyboard shortcuts</h3><table cellspacing='4'>{rows}</table>"


def versions() -> dict[str, str]:
    def version_of(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return {"CampSync": version_of("campsync_gui"), "Python": platform.python_version(),
            "PySide6": pyside_version, "Qt": qVersion(), "qasync": version_of("qasync"),
            "httpx": version_of("httpx"), "msal": version_of("msal"), "SQLModel": version_of("sqlmodel"),
            "System": f"{platform.system()} {platform.release()} ({sys.platform})"}


def about_html() -> str:
    rows = "".join(f"<tr><td><b>{name}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>" for name, value in versions().items())
    return ("<h3>CampSync</h3><p>Add people to Microsoft Dynamics 365 campaigns, and take them off again, from a "
            f"desktop window.</p><table cellspacing='4'>{rows}</table>")


class HelpDialog(QDialog):
    """A text window beside the main window (not modal: the window stays usable while it is open)."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 480)
