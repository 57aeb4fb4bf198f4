"""The members table's "By" column names who CampSync added each member for and how (issue 14, "who did it")."""

from PySide6.QtCore import Qt

from campsync_gui.core.campaigns import MemberSummary
from campsync_gui.ui.models.members import COL_BY, HEADERS, MembersTableModel, SortRole


def member(person_id, *, origin="drag-and-drop", actor="", flow_action=True, list_name=""):
    return MemberSummary(person_id, f"Person {person_id}", f"p{person_id}@example.com", flow_action, 1.0, origin,
                         list_name, actor)


def by_column(rows):
    model = MembersTableModel()
    model.set_rows("c-spring", rows)
    return [model.index(r, COL_BY).data() for r in range(model.rowCount())], model


def test_by_names_the_person_and_how_and_keeps_older_rows_as_they_were(qapp):
    shown, model = by_column([
        member(1, actor="ada@contoso.com"),
        member(2, origin="trigger campaign: Nurture", actor="11111111-2222 (application)"),
        member(3, origin="cli"),  # added before CampSync recorded who
        member(4, actor="bob@contoso.com", origin=""),
        member(5, flow_action=False, list_name="Partners 2024"),
    ])
    assert HEADERS[COL_BY] == "By"
    assert shown == ["ada@contoso.com · Drag and drop (operator)",
                     "11111111-2222 (application) · Trigger campaign Nurture",
                     "Command line", "bob@contoso.com", "Partners 2024"]
    assert model.index(0, COL_BY).data(SortRole) == "ada@contoso.com · drag and drop (operator)"
    assert model.headerData(COL_BY, Qt.Orientation.Horizontal) == "By"
