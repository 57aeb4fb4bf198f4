"""CampSync's lists get an id derived from their name before the create leaves (issue 12): every writer converges on
one list. Creating by name alone let two writers (the window and `campsync`, two teammates) make two lists with the
same name, and a create whose answer was lost could be followed by a second one."""

import asyncio

from sqlmodel import SQLModel

from campsync_gui.core.applists import AppLists, app_list_id, app_list_name
from campsync_gui.core.models import CampaignRecord
from campsync_gui.core.store import open_store
from campsync_gui.dynamics.connect import open_client
from support import FAST_RETRY
from test_engine import active_campaign


def lists_named(org, name):
    return [row for row in org.state.lists.values() if row["listname"] == name]


def app_lists(tmp_path, conn, label):
    db = open_store(tmp_path / f"{label}.db")
    SQLModel.metadata.create_all(db)
    return AppLists(db, open_client(conn, retry=FAST_RETRY, timeout=10))


def test_the_list_id_is_the_same_everywhere_and_differs_per_list():
    name = app_list_name("CampSync", "lead", "2f1f6b0e-4a59-4c1e-9b0a-1d2c3e4f5a6b")
    assert app_list_id(name) == app_list_id(name.upper()), "the same list whatever the case"
    assert app_list_id(name) != app_list_id(name.replace("-leads-", "-contacts-"))
    assert app_list_id(name) != app_list_id(name.replace("CampSync", "Mkto"))


async def test_two_writers_making_the_same_list_at_once_make_one(org, conn, tmp_path):
    campaign = active_campaign(org)
    record = CampaignRecord(id=campaign["campaignid"], name=campaign["name"])
    window, command = app_lists(tmp_path, conn, "window"), app_lists(tmp_path, conn, "command")
    try:
        made = await asyncio.gather(window.ensure(record, "lead", "CampSync"),
                                    command.ensure(record, "lead", "CampSync"))
    finally:
        await asyncio.gather(window.client.aclose(), command.client.aclose())
    name = app_list_name("CampSync", "lead", campaign["campaignid"])
    assert [row["listid"] for row in lists_named(org, name)] == [app_list_id(name)]
    assert {lst.id for lst in made} == {app_list_id(name)}
    assert org.state.lists_of_campaign(campaign["campaignid"]).count(app_list_id(name)) == 1


async def test_a_list_create_whose_answer_is_lost_makes_one_list(org, conn, tmp_path):
    campaign = active_campaign(org)
    record = CampaignRecord(id=campaign["campaignid"], name=campaign["name"])
    writer = app_lists(tmp_path, conn, "writer")
    org.knobs.lose_answers = 1  # the create is carried out, its answer never arrives
    try:
        made = await writer.ensure(record, "contact", "CampSync")
    finally:
        await writer.client.aclose()
    name = app_list_name("CampSync", "contact", campaign["campaignid"])
    assert [row["listid"] for row in lists_named(org, name)] == [made.id] == [app_list_id(name)]
