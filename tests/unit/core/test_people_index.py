"""The people table's compact index: every person once, in id order, aligned column by column, whatever the ids
and texts look like."""

from sqlalchemy import insert

from campsync_gui.core import people_index
from campsync_gui.core.models import Person
from campsync_gui.core.people import table_rows
from campsync_gui.core.store import open_store


def test_the_index_lines_up_with_the_table_rows_across_chunks_gaps_and_odd_texts(tmp_path, monkeypatch):
    monkeypatch.setattr(people_index, "CHUNK", 7)  # several chunks, some of them empty
    engine = open_store(tmp_path / "campsync.db")
    people = [dict(id=i, first_name=f"Ann{i}", last_name="Lee", email=f"a{i}@x.org", company=None,
                   country="Japan" if i % 2 else None, score=i * 10 % 101, dynamics_type=("lead", None)[i % 2],
                   dynamics_id=f"d{i}" if i % 2 == 0 else None) for i in (1, 2, 3, 5, 30, 31, 44)]
    people[2]["first_name"] = "Odd\x1eName"  # the separator the columns are joined with, inside a name
    with engine.begin() as conn:
        conn.execute(insert(Person.__table__), people)
    index = people_index.table_index(engine, high_score=50)
    rows = table_rows(engine)
    assert list(index.ids) == [row[0] for row in rows]
    assert index.search == [row[-1] for row in rows]
    assert [name.casefold() for name in index.names] == [row[1].casefold() for row in rows]  # the sort keys
    assert index.flags == bytes(people_index.flags_of(row[4], row[5], row[6], 50) for row in rows)
    assert people_index.table_column(engine, "score") == [row[6] for row in rows]
    assert people_index.table_column(engine, "company") == [""] * len(rows)
    engine.dispose()


def test_reading_again_shares_the_texts_that_did_not_change(tmp_path):
    engine = open_store(tmp_path / "campsync.db")
    with engine.begin() as conn:
        conn.execute(insert(Person.__table__), [dict(id=i, first_name=f"Ann{i}", last_name="Lee", email=f"a{i}@x.org",
                                                     score=0) for i in range(1, 6)])
    before = people_index.table_index(engine, high_score=50)
    with engine.begin() as conn:
        conn.execute(Person.__table__.update().where(Person.id == 3).values(last_name="Moss"))
    again = people_index.table_index(engine, high_score=50, same_as=before.search)
    assert again.search == [row[-1] for row in table_rows(engine)]
    assert [a is b for a, b in zip(again.search, before.search)] == [True, True, False, True, True]
    assert people_index.table_index(engine, high_score=50, same_as=[]).search == again.search  # nothing held yet
    engine.dispose()
