"""Folded copies of the text smart lists filter on (person first and last name, the two joined, email, company,
job title, country; activity details), written beside the text itself so that a smart-list count compares plain
columns in SQL instead of folding every row in Python (issue 15: 200,000 people counted in ≤ 100 ms).

`fold()` is THE definition of folding (smart lists re-export it). The copies are kept by the models themselves, so
every write through SQLAlchemy keeps them right, whichever module writes:
- an INSERT (ORM or Core `insert(Person)`, one row or many) fills each copy the statement does not set from the
  row's own values (a column default that reads the row: `default_for`);
- an ORM UPDATE refolds the copies of the attributes it changes (`keep_folded`: before_insert / before_update).
A Core `update(Person)` or raw SQL that changes one of these fields must set its folded copy too (nothing in
CampSync does); rows written before migration 0010 were filled by it.

Only the stdlib at import time: models.py imports this, and the first paint imports models.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

# source column → its folded copy, per table
PERSON_FOLDED: dict[str, str] = {
    "first_name": "folded_first_name", "last_name": "folded_last_name", "email": "folded_email",
    "company": "folded_company", "job_title": "folded_job_title", "country": "folded_country",
}
ACTIVITY_FOLDED: dict[str, str] = {"detail": "folded_detail"}
# The name a "name" filter compares (first and last folded, joined by one space), stored too: joining the two
# copies in SQL cost more than the whole comparison.
FOLDED_NAME = "folded_name"
NAME_PARTS = ("first_name", "last_name")


def fold(text: Any) -> str:
    """Text as smart lists compare it: NFKD, combining marks dropped, case-folded, stripped. None → ""."""
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    elif not isinstance(text, str):
        text = str(text)
    if text.isascii():
        return text.lower().strip()  # the same as below for ASCII, and what SQL's lower()/trim() give
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def fold_name(first_name: Any, last_name: Any) -> str:
    """A person's name as a "name" filter compares it: both parts folded, joined by a space when both are there."""
    return " ".join(part for part in (fold(first_name), fold(last_name)) if part)


def default_for(source: str) -> Callable[[Any], str]:
    """A column default for the folded copy of `source`: the fold of the value the INSERT gives `source` (a
    source the statement leaves out is NULL or its own default, both folded to "")."""
    def folded(context: Any) -> str:
        return fold(context.get_current_parameters().get(source))
    folded.__name__ = f"fold_{source}"
    return folded


def name_default(context: Any) -> str:
    """The column default of folded_name: fold_name of the name parts the INSERT gives."""
    values = context.get_current_parameters()
    return fold_name(*(values.get(part) for part in NAME_PARTS))


def with_folded_person(values: Mapping[str, Any]) -> dict[str, Any]:
    """A person row for a bulk Core INSERT with its folded copies already in: the column defaults would fold the
    same values, but calling seven of them per row costs more than the fold itself (+40% on a 20,000-row insert)."""
    row = dict(values)
    for source, folded in PERSON_FOLDED.items():
        row[folded] = fold(row.get(source))
    row[FOLDED_NAME] = fold_name(*(row.get(part) for part in NAME_PARTS))
    return row


def keep_folded(model: type, pairs: Mapping[str, str], *, name: bool = False) -> None:
    """Refold a model's copies (and its folded_name, with `name`) whenever the ORM writes a changed source."""
    from sqlalchemy import event, inspect

    def refold(target: Any, changed: Callable[[str], bool]) -> None:
        for source, folded in pairs.items():
            if changed(source):
                setattr(target, folded, fold(getattr(target, source)))
        if name and any(changed(part) for part in NAME_PARTS):
            setattr(target, FOLDED_NAME, fold_name(*(getattr(target, part) for part in NAME_PARTS)))

    def before_insert(_mapper: Any, _connection: Any, target: Any) -> None:
        refold(target, lambda _source: True)

    def before_update(_mapper: Any, _connection: Any, target: Any) -> None:
        attributes = inspect(target).attrs
        refold(target, lambda source: attributes[source].history.has_changes())

    event.listen(model, "before_insert", before_insert)
    event.listen(model, "before_update", before_update)
