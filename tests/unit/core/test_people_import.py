"""CSV import of people into the local store: column aliases, bad rows, merges, encodings, delimiters, size."""

import csv
import time
from pathlib import Path

import pytest
from sqlmodel import Session, select

from campsync_gui.core.models import Person
from campsync_gui.core.people import list_people, normalise_email, upsert_from_dynamics
from campsync_gui.core.people_import import (ImportReport, RowError, import_csv, is_valid_email, looks_like_formula,
                                             split_name)
from campsync_gui.core.store import open_store
from campsync_gui.dynamics import entities

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample_people.csv"


@pytest.fixture
def engine(tmp_path):
    return open_store(tmp_path / "store.db")


def write(tmp_path, text, name="people.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def people(engine):
    with Session(engine) as session:
        return {p.email: p for p in session.exec(select(Person))}


# ---- small helpers -------------------------------------------------------------------------------

def test_normalise_and_validate_email():
    assert normalise_email("  Ada@Example.COM ") == "ada@example.com"
    assert normalise_email("   ") is None and normalise_email(None) is None
    assert is_valid_email("ada@example.com")
    for bad in ("", "ada", "ada@example", "a@b@example.com", "ada lovelace@example.com", "ada@.com", "@x.com",
                "ada@example.", "ada@ex..com"):
        assert not is_valid_email(bad), bad


def test_formula_detection_spares_plain_numbers():
    for value in ("=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "=HYPERLINK(\"x\")"):
        assert looks_like_formula(value), value
    for value in ("-5", "+44", "-1.5", "1e3", "Ada", "", "a=b"):
        assert not looks_like_formula(value), value


def test_split_name():
    assert split_name("Ada Lovelace") == ("Ada", "Lovelace")
    assert split_name("  Ana   van der Berg ") == ("Ana", "van der Berg")
    assert split_name("Lovelace, Ada") == ("Ada", "Lovelace")
    assert split_name("Cher") == ("", "Cher")


# ---- columns -------------------------------------------------------------------------------------

@pytest.mark.parametrize("header, row, expected", [
    ("Name,Email", "Ada Lovelace,ada@example.com", {"first_name": "Ada", "last_name": "Lovelace"}),
    ("Full Name,E-mail", "Ada Lovelace,ada@example.com", {"first_name": "Ada", "last_name": "Lovelace"}),
    ("full_name,email_address", "Ada Lovelace,ada@example.com", {"first_name": "Ada", "last_name": "Lovelace"}),
    ("First,Last,EMAIL", "Ada,Lovelace,ada@example.com", {"first_name": "Ada", "last_name": "Lovelace"}),
    ("First Name,Surname,Email Address", "Ada,Lovelace,ada@example.com",
     {"first_name": "Ada", "last_name": "Lovelace"}),
    ("firstname,lastname,email", "Ada,Lovelace,ada@example.com", {"first_name": "Ada", "last_name": "Lovelace"}),
    ("FIRST_NAME,LAST_NAME,email", "Ada,Lovelace,ada@example.com", {"first_name": "Ada", "last_name": "Lovelace"}),
    ("last,email,company", "Lovelace,ada@example.com,Analytical Engines", {"company": "Analytical Engines"}),
    ("last,email,Company Name", "Lovelace,ada@example.com,Analytical Engines", {"company": "Analytical Engines"}),
    ("last,email,account", "Lovelace,ada@example.com,Analytical Engines", {"company": "Analytical Engines"}),
    ("last,email,Job Title", "Lovelace,ada@example.com,Mathematician", {"job_title": "Mathematician"}),
    ("last,email,title", "Lovelace,ada@example.com,Mathematician", {"job_title": "Mathematician"}),
    ("last,email,jobtitle", "Lovelace,ada@example.com,Mathematician", {"job_title": "Mathematician"}),
    ("last,email, Country ", "Lovelace,ada@example.com,United Kingdom", {"country": "United Kingdom"}),
    ("last,email,Score", "Lovelace,ada@example.com,87", {"score": 87}),
    ("last,email,Type", "Lovelace,ada@example.com,Lead", {"dynamics_type": "lead"}),
    ("last,email,type", "Lovelace,ada@example.com,contact", {"dynamics_type": "contact"}),
    ("last,email,type", "Lovelace,ada@example.com,", {"dynamics_type": None}),
])
def test_each_column_alias(engine, tmp_path, header, row, expected):
    report = import_csv(engine, write(tmp_path, f"{header}\n{row}\n"))
    assert report.created == 1 and not report.errors, report.to_dict()
    person = people(engine)["ada@example.com"]
    for key, value in expected.items():
        assert getattr(person, key) == value


def test_first_and_last_columns_win_over_full_name(engine, tmp_path):
    import_csv(engine, write(tmp_path, "name,first name,last name,email\nA Lovelace,Ada,,ada@example.com\n"))
    person = people(engine)["ada@example.com"]
    assert (person.first_name, person.last_name) == ("Ada", "Lovelace")


def test_unknown_columns_are_ignored_and_known_ones_reported(engine, tmp_path):
    report = import_csv(engine, write(tmp_path, "Email,Last Name,Favourite colour\nada@example.com,Lovelace,blue\n"))
    assert report.created == 1
    assert report.columns == {"email": "Email", "last_name": "Last Name"}


# ---- the header must have email and a name --------------------------------------------------------

@pytest.mark.parametrize("header, missing", [
    ("first name,last name,company", "email"),
    ("email,first name,company", "name"),
    ("company,country", "email"),
])
def test_header_without_required_columns_imports_nothing(engine, tmp_path, header, missing):
    report = import_csv(engine, write(tmp_path, f"{header}\nAda,Lovelace,ada@example.com\n"))
    assert report.aborted and not report.ok
    assert len(report.errors) == 1 and report.errors[0].row == 1
    reason = report.errors[0].reason
    assert missing in reason
    for column in header.split(","):
        assert repr(column) in reason  # names the columns it found
    assert report.created == report.updated == 0
    assert people(engine) == {}


def test_empty_file_is_one_error(engine, tmp_path):
    report = import_csv(engine, write(tmp_path, ""))
    assert report.aborted and len(report.errors) == 1 and "empty" in report.errors[0].reason


# ---- bad rows ------------------------------------------------------------------------------------

def test_each_bad_row_is_reported_with_its_spreadsheet_row_number(engine, tmp_path):
    long = "x" * 201
    text = "\n".join([
        "first_name,last_name,email,company,score,type",  # row 1
        "Ada,Lovelace,ada@example.com,Engines,10,lead",   # row 2: fine
        "Bob,Builder,,Builds,5,",                          # row 3: no email
        "Cy,Twombly,cy@@example.com,Art,5,",               # row 4: invalid email
        "Di,Prince,di@example.com,Themyscira,high,",       # row 5: score not a number
        "Ed,Sheeran,ed@example.com,Music,4.5,",            # row 6: score not whole
        "Fay,Wray,fay@example.com,Film,5,prospect",        # row 7: unknown type
        "Gus,Grissom,gus@example.com,NASA",                # row 8: too few cells
        "Hal,Jordan,hal@example.com,Corps,5,lead,extra",   # row 9: too many cells
        f"Ivy,League,ivy@example.com,{long},5,",           # row 10: over-long value
        "",                                                # row 11: blank, ignored
        "Jo,March,JO@Example.com,Books,,contact",          # row 12: fine
    ]) + "\n"
    report = import_csv(engine, write(tmp_path, text))
    by_row = {e.row: e.reason for e in report.errors}
    assert sorted(by_row) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "missing" in by_row[3]
    assert "not a valid address" in by_row[4] and "cy@@example.com" in by_row[4]
    assert "score" in by_row[5] and "whole number" in by_row[6]
    assert "prospect" in by_row[7]
    assert "4 cells" in by_row[8] and "7 cells" in by_row[9] and "header has 6" in by_row[8]
    assert "201 characters" in by_row[10] and "'company'" in by_row[10]
    assert (report.created, report.updated, report.skipped) == (2, 0, 8)
    assert set(people(engine)) == {"ada@example.com", "jo@example.com"}
    assert str(RowError(3, "email is missing")) == "row 3: email is missing"


def test_trailing_empty_cells_are_not_too_many(engine, tmp_path):
    report = import_csv(engine, write(tmp_path, "last,email\nLovelace,ada@example.com,,\n"))
    assert report.created == 1 and not report.errors


def test_row_numbers_count_records_not_lines(engine, tmp_path):
    text = 'last,email,company\nLovelace,ada@example.com,"Analytical\nEngines"\nBad,nope,x\n'
    report = import_csv(engine, write(tmp_path, text))
    assert [e.row for e in report.errors] == [3]
    # One record over two lines; the company is a single-line value, so its line break is stored as a space.
    assert people(engine)["ada@example.com"].company == "Analytical Engines"


def test_whole_number_scores_written_as_decimals_are_accepted(engine, tmp_path):
    import_csv(engine, write(tmp_path, "last,email,score\nLovelace,ada@example.com,85.0\nB,b@example.com,-3\n"))
    assert people(engine)["ada@example.com"].score == 85
    assert people(engine)["b@example.com"].score == -3


# ---- merges --------------------------------------------------------------------------------------

def test_duplicates_within_the_file_merge_into_one_person(engine, tmp_path):
    text = ("first_name,last_name,email,company,job_title,score\n"
            "Ada,Lovelace,ada@example.com,Engines,,10\n"
            "Bea,Other,bea@example.com,,,\n"
            ",,ADA@example.com,,Countess,\n"       # empty cells do not erase, new ones fill
            "Ada,Lovelace,ada@example.com,Engines,,10\n")  # nothing new: unchanged
    report = import_csv(engine, write(tmp_path, text))
    assert (report.created, report.updated, report.unchanged, report.skipped) == (2, 1, 1, 0)
    assert any("row 4" in w and "row 2" in w for w in report.warnings)
    ada = people(engine)["ada@example.com"]
    assert (ada.first_name, ada.last_name, ada.company, ada.job_title, ada.score) == \
        ("Ada", "Lovelace", "Engines", "Countess", 10)
    assert len(people(engine)) == 2


def test_merge_with_existing_people_updates_without_erasing(engine, tmp_path):
    first = import_csv(engine, write(tmp_path, "first,last,email,company,country,score,type\n"
                                               "Ada,Lovelace,ada@example.com,Engines,UK,10,lead\n", "a.csv"),
                       now=lambda: 100.0)
    assert first.created == 1
    second = import_csv(engine, write(tmp_path, "email,last name,company,country,score,title\n"
                                                "ada@EXAMPLE.com,,New Engines,,,Countess\n"
                                                "new@example.com,Newman,,,,\n", "b.csv"),
                        now=lambda: 200.0)
    assert (second.created, second.updated, second.skipped) == (1, 1, 0)
    ada = people(engine)["ada@example.com"]
    assert (ada.first_name, ada.last_name, ada.company, ada.country, ada.score, ada.job_title, ada.dynamics_type) \
        == ("Ada", "Lovelace", "New Engines", "UK", 10, "Countess", "lead")
    assert (ada.created_at, ada.updated_at) == (100.0, 200.0)
    again = import_csv(engine, tmp_path / "b.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_type_of_a_person_linked_to_dynamics_is_not_changed_by_a_file(engine, tmp_path):
    with Session(engine) as session:
        upsert_from_dynamics(session, entities.Person("contact", "AAAAAAAA-0000-4000-8000-000000000001", "Ada",
                                                      "Lovelace", "ada@example.com", None, None, None), 1.0)
        session.commit()
    report = import_csv(engine, write(tmp_path, "last,email,type,score\nLovelace,ada@example.com,lead,50\n"))
    ada = people(engine)["ada@example.com"]
    assert (ada.dynamics_type, ada.dynamics_id, ada.score) == \
        ("contact", "aaaaaaaa-0000-4000-8000-000000000001", 50)
    assert report.updated == 1 and any("is a contact in Dynamics" in w for w in report.warnings)


# ---- encodings and delimiters --------------------------------------------------------------------

def test_utf8_with_bom(engine, tmp_path):
    path = write(tmp_path, "\ufeffEmail,Last Name,First Name\nzoe@example.com,Müller,Zoë\n")
    report = import_csv(engine, path)
    assert report.created == 1 and report.columns["email"] == "Email" and not report.warnings
    zoe = people(engine)["zoe@example.com"]
    assert (zoe.first_name, zoe.last_name) == ("Zoë", "Müller")


def test_cp1252_fallback_is_warned(engine, tmp_path):
    path = write(tmp_path, "email,last name,first name,company\nzoe@example.com,Müller,Zoë,Café “Crème”\n",
                 encoding="cp1252")
    report = import_csv(engine, path)
    assert report.encoding == "cp1252" and report.created == 1
    assert any("cp1252" in w for w in report.warnings)
    zoe = people(engine)["zoe@example.com"]
    assert (zoe.first_name, zoe.last_name, zoe.company) == ("Zoë", "Müller", "Café “Crème”")


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_delimiter_is_sniffed(engine, tmp_path, delimiter):
    rows = [["First Name", "Last Name", "Email", "Company"],
            ["Ada", "Lovelace", "ada@example.com", "Engines, Ltd; Babbage & Co"],
            ["Bob", "Byron", "bob@example.com", "Poets"]]
    path = tmp_path / "people.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    report = import_csv(engine, path)
    assert report.delimiter == delimiter and report.created == 2 and not report.errors
    assert people(engine)["ada@example.com"].company == "Engines, Ltd; Babbage & Co"


# ---- spreadsheet formula injection ---------------------------------------------------------------

def test_formula_looking_values_are_stored_as_text_and_flagged(engine, tmp_path):
    text = ("first name,last name,email,company,job title,score\n"
            "Ada,Lovelace,ada@example.com,=HYPERLINK(\"http://evil.example\"),CMO,-5\n"
            "Bob,@SUM(A1:A9),bob@example.com,Fine Inc,+cmd,10\n"
            "Cy,Clean,cy@example.com,-,-42,7\n")
    report = import_csv(engine, write(tmp_path, text))
    assert report.created == 3
    assert report.formula_rows == [2, 3, 4]
    assert any(w.startswith("row 2: company begins like a spreadsheet formula") for w in report.warnings)
    assert any("row 3: last name, job title" in w for w in report.warnings)
    stored = people(engine)
    assert stored["ada@example.com"].company == '=HYPERLINK("http://evil.example")'
    assert stored["ada@example.com"].score == -5  # a plain negative number is not a formula
    assert stored["bob@example.com"].last_name == "@SUM(A1:A9)"
    assert stored["cy@example.com"].job_title == "-42" and stored["cy@example.com"].company == "-"


# ---- report, listing -----------------------------------------------------------------------------

def test_report_to_dict(engine, tmp_path):
    report = import_csv(engine, write(tmp_path, "last,email\nLovelace,ada@example.com\nX,nope\n"))
    data = report.to_dict()
    assert data["created"] == 1 and data["skipped"] == 1
    assert data["errors"] == [{"row": 3, "reason": "email 'nope' is not a valid address"}]
    assert isinstance(report, ImportReport) and "1 created" in report.summary()


def test_list_people_orders_and_searches(engine):
    report = import_csv(engine, SAMPLE)
    assert report.created == 200 and not report.errors and not report.warnings
    everyone = list_people(engine)
    keys = [(p.last_name.lower(), p.first_name.lower()) for p in everyone]
    assert len(everyone) == 200 and keys == sorted(keys)
    assert len(list_people(engine, limit=7)) == 7
    reddy = list_people(engine, search="REDDY")
    assert reddy and all("reddy" in (p.name + (p.email or "") + (p.company or "")).lower() for p in reddy)
    assert {p.email for p in list_people(engine, search="fjord seafood")} == \
        {p.email for p in everyone if p.company == "Fjord Seafood AS"}
    assert all("müller" in p.name.lower() for p in list_people(engine, search="MÜLLER"))
    assert list_people(engine, search="MÜLLER")
    assert list_people(engine, search="%") == []  # LIKE wildcards are literal


def test_sample_file_has_the_documented_shape():
    with open(SAMPLE, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["first_name", "last_name", "email", "company", "job_title", "country", "score", "type"]
    body = rows[1:]
    assert 190 <= len(body) <= 210
    assert len({r[2].lower() for r in body}) == len(body)
    assert {r[7] for r in body} == {"", "lead", "contact"}
    assert all(0 <= int(r[6]) <= 100 for r in body)
    assert len({r[5] for r in body}) >= 15 and len({r[3] for r in body}) >= 30


# ---- a large file --------------------------------------------------------------------------------

def test_large_file_imports_in_batches_with_counts_right(engine, tmp_path):
    n = 100_000
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["First Name", "Last Name", "Email", "Company", "Score"])
        for i in range(n):
            email = f"person{i}@example.com" if i % 1000 != 999 else "not-an-email"
            w.writerow([f"First{i}", f"Last{i}", email, f"Company {i % 97}", i % 101])
        for i in range(0, 5000, 5):  # duplicates of earlier rows: merged, not doubled
            w.writerow(["", "", f"PERSON{i}@example.com", "Merged Co", ""])
    started = time.perf_counter()
    report = import_csv(engine, path)
    elapsed = time.perf_counter() - started
    print(f"\nimported {n + 1000} rows ({path.stat().st_size / 1e6:.1f} MB) in {elapsed:.2f}s")
    bad = n // 1000
    assert report.created == n - bad and report.skipped == bad and len(report.errors) == bad
    assert report.updated == 1000 and report.unchanged == 0
    assert report.errors[0].row == 1001  # data row i=999 sits on spreadsheet row 1001
    with Session(engine) as session:
        assert len(session.exec(select(Person.id)).all()) == n - bad
        assert session.exec(select(Person).where(Person.email == "person5@example.com")).one().company == "Merged Co"
        assert session.exec(select(Person).where(Person.email == "person6@example.com")).one().company == "Company 6"
