"""The words of the people table, translated once when a model is built (PeopleTableModel).

data() answers for every cell painted, over up to a million people, and sorting by Type or Sync makes a key per
person: they read these words, never translate() per cell. people_rows keeps the English ones (it is Qt-free, and
its QUICK_* and SYNC_* names are ids compared in logic)."""

from __future__ import annotations

from typing import NamedTuple

from ..i18n import translate


class PeopleWords(NamedTuple):
    headers: tuple[str, ...]      # by column, in people_rows.HEADERS' order
    types: dict[str | None, str]  # the Type cell by the core's type ("lead", "contact", None: local only)
    local_only: str               # the Type cell of a type the table does not know
    sync_in: str                  # the Sync cell: in Dynamics / only in CampSync / a change queued
    sync_out: str
    sync_pending: str
    pending_tip: str              # the Sync cell's tooltips
    out_tip: str
    dynamics_id_tip: str          # "Dynamics id {id}"
    local_tip: str                # the Type cell's tooltip of a person only in CampSync


def people_words() -> PeopleWords:
    local_only = translate("PeopleTableModel", "Local only")
    return PeopleWords(
        headers=(translate("PeopleTableModel", "Name"), translate("PeopleTableModel", "Email"),
                 translate("PeopleTableModel", "Company"), translate("PeopleTableModel", "Type"),
                 translate("PeopleTableModel", "Sync"), translate("PeopleTableModel", "Score"),
                 translate("PeopleTableModel", "Country")),
        types={"lead": translate("PeopleTableModel", "Lead"), "contact": translate("PeopleTableModel", "Contact"),
               None: local_only},
        local_only=local_only,
        sync_in=translate("PeopleTableModel", "In Dynamics"),
        sync_out=translate("PeopleTableModel", "Not in Dynamics"),
        sync_pending=translate("PeopleTableModel", "Pending…"),
        pending_tip=translate("PeopleTableModel", "A campaign change for this person is queued and not yet "
                                                  "confirmed by Dynamics."),
        out_tip=translate("PeopleTableModel", "Only in CampSync. Adding them to a campaign creates them in "
                                              "Dynamics as a lead first."),
        dynamics_id_tip=translate("PeopleTableModel", "Dynamics id {id}"),
        local_tip=translate("PeopleTableModel", "Not yet in Dynamics: a lead is created when they are first added "
                                                "to a campaign."))
