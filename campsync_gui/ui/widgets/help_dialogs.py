"""Help: the key facts of the README, the keyboard shortcuts and the versions, in windows that do not block."""

from __future__ import annotations

import platform
import sys
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..i18n import translate


def getting_started_html() -> str:
    """The README's key facts, one translated entry per point (the markup around them stays here)."""
    points = (
        translate("HelpDialog", "<b>Add people to a campaign</b>: drag them from People onto an active campaign, "
                                "or select them and press\n<b>Ctrl+Enter</b> (Edit → Add to campaign…). A preview "
                                "says who will be added, created in Dynamics first,\nskipped or blocked, and why: "
                                "<b>Enter</b> confirms, <b>Esc</b> cancels."),
        translate("HelpDialog", "<b>Remove people</b>: select a campaign, then drag members back to People, or select "
                                "them and press\n<b>Delete</b>. Only people CampSync added can be removed; members "
                                "from CRM lists are locked."),
        translate("HelpDialog", "<b>Undo</b> (Ctrl+Z) takes back the last flow action for exactly the people it "
                                "changed, also after a\nrestart."),
        translate("HelpDialog", "The <b>live log</b> shows <i>Added to / Removed from Microsoft Campaign</i> as "
                                "Dynamics confirms each change;\nthe <b>queue</b> shows what is pending or failed, "
                                "with the server's message (retry, cancel)."),
        translate("HelpDialog", "Campaign sync works only when it is on (Admin → Settings), the prerequisite "
                                "solution is current and the\ncampaign is active. <b>Admin → Test connectivity</b> "
                                "checks the connection step by step."),
        translate("HelpDialog", "On the <b>built-in sandbox org</b> nothing touches a real Dynamics 365 org; it keeps "
                                "what you do between\nruns. Add your org with Admin → Connections."),
    )
    items = "".join(f"<li>{point}</li>\n" for point in points)
    return f"\n<h3>{translate('HelpDialog', 'Getting started')}</h3>\n<ul>\n{items}</ul>\n"


# The keys stay as typed; what they do is marked here and translated where it is shown (shortcuts_html).
SHORTCUTS = (
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("HelpDialog", "Add the selected people to a campaign…")),
    ("Delete", QT_TRANSLATE_NOOP("HelpDialog", "Remove the selected members from the campaign")),
    ("Ctrl+Z / Ctrl+Shift+Z", QT_TRANSLATE_NOOP("HelpDialog", "Undo / redo the last flow action")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("HelpDialog", "Find people")),
    ("Ctrl+A", QT_TRANSLATE_NOOP("HelpDialog", "Select every person that matches the search")),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("HelpDialog", "Move between panels; arrows move inside a table")),
    ("Ctrl+Tab / Ctrl+Shift+Tab",
     QT_TRANSLATE_NOOP("HelpDialog", "Next / previous tab (People and campaigns, Automation)")),
    ("Ctrl+Shift+L", QT_TRANSLATE_NOOP("HelpDialog", "Show or hide the live log and queue")),
    ("Ctrl+Shift+M", QT_TRANSLATE_NOOP("HelpDialog", "Membership chart of the selected campaign")),
    ("Ctrl+Shift+E", QT_TRANSLATE_NOOP("HelpDialog", "Trigger events chart, per hour or per day")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("HelpDialog", "Save the trigger or batch campaign being edited (Automation)")),
    ("Ctrl+I", QT_TRANSLATE_NOOP("HelpDialog", "Import people from a CSV file")),
    ("Ctrl+Shift+P", QT_TRANSLATE_NOOP("HelpDialog", "Pull people and members from Dynamics")),
    ("F5", QT_TRANSLATE_NOOP("HelpDialog", "Refresh campaigns")),
    ("Ctrl+Shift+C / Ctrl+, / Ctrl+Shift+T",
     QT_TRANSLATE_NOOP("HelpDialog", "Connections / Settings / Test connectivity")),
    ("Enter / Esc", QT_TRANSLATE_NOOP("HelpDialog", "Confirm / cancel a preview")),
    ("F1", QT_TRANSLATE_NOOP("HelpDialog", "Getting started")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("HelpDialog", "Quit")),
)


def shortcuts_html() -> str:
    rows = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{translate('HelpDialog', what)}</td></tr>"
                   for keys, what in SHORTCUTS)
    title = translate("HelpDialog", "Keyboard shortcuts")
    return f"<h3>{title}</h3><table cellspacing='4'>{rows}</table>"


def versions() -> dict[str, str]:
    """The versions as shown in About (names of products stay as they are; "System" is a word)."""
    def version_of(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return translate("HelpDialog", "not installed")

    return {"CampSync": version_of("campsync_gui"), "Python": platform.python_version(),
            "PySide6": pyside_version, "Qt": qVersion(), "qasync": version_of("qasync"),
            "httpx": version_of("httpx"), "msal": version_of("msal"), "SQLModel": version_of("sqlmodel"),
            translate("HelpDialog", "System"): f"{platform.system()} {platform.release()} ({sys.platform})"}


def about_html() -> str:
    rows = "".join(f"<tr><td><b>{name}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>" for name, value in versions().items())
    about = translate("HelpDialog", "<h3>CampSync</h3><p>Add people to Microsoft Dynamics 365 campaigns, and take "
                                    "them off again, from a desktop window.</p>")
    return f"{about}<table cellspacing='4'>{rows}</table>"


class HelpDialog(QDialog):
    """A text window beside the main window (not modal: the window stays usable while it is open)."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(title)  # the text's name is the window's (translated by the caller): no label
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 480)
