"""The built-in sandbox org saves each change before answering it, and shares its state file with other processes."""

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from campsync_gui.sandbox import SandboxOrg, client_ssl_context
from campsync_gui.sandbox.errors import SandboxError

ODATA = {"OData-MaxVersion": "4.0", "OData-Version": "4.0", "Accept": "application/json"}
NS = "Microsoft.Dynamics.CRM."


@contextlib.contextmanager
def web_api(env):
    """Plain httpx on the org's Web API with a token, from the CAMPSYNC_* settings of a running org."""
    url = env["CAMPSYNC_ORG_URL"]
    with httpx.Client(verify=client_ssl_context(env["CAMPSYNC_CA_BUNDLE"]), trust_env=False, timeout=10) as http:
        form = {"grant_type": "client_credentials", "client_id": env["CAMPSYNC_CLIENT_ID"],
                "client_secret": env["CAMPSYNC_CLIENT_SECRET"], "scope": f"{url}/.default"}
        token = http.post(f"{url}/{env['CAMPSYNC_TENANT_ID']}/oauth2/v2.0/token", data=form).json()["access_token"]
        http.base_url = f"{url}/api/data/v9.2/"
        http.headers.update({**ODATA, "Authorization": f"Bearer {token}"})
        yield http


def saved(state_file):
    """The tables as the file holds them right now."""
    return json.loads(state_file.read_text(encoding="utf-8"))["tables"]


def signature(path):
    st = os.stat(path)
    return st.st_mtime_ns, st.st_size, st.st_ino


def create_lead(http, lastname):
    answer = http.post("leads", json={"lastname": lastname}, headers={"Prefer": "return=representation"})
    assert answer.status_code == 201, answer.text
    return answer.json()["leadid"]


def test_a_write_is_in_the_file_as_soon_as_its_answer_arrived(tmp_path):
    state_file = tmp_path / "org-state.json"
    with SandboxOrg(seed=42, data_dir=tmp_path, state_file=state_file) as org, web_api(org.env()) as http:
        lead = create_lead(http, "Saved at once")
        assert saved(state_file)["leads"][lead]["lastname"] == "Saved at once"

        listid = http.post("lists", json={"listname": "Autosaved", "createdfromcode": 4},
                           headers={"Prefer": "return=representation"}).json()["listid"]
        added = http.post("AddListMembersList", json={
            "List": {"@odata.type": f"{NS}list", "listid": listid},
            "Members": [{"@odata.type": f"{NS}lead", "leadid": lead}]})
        assert added.status_code == 204, added.text
        members = saved(state_file)["listmembers"].values()
        assert [m["_entityid_value"] for m in members if m["_listid_value"] == listid] == [lead]

        campaign = next(iter(org.state.campaigns))
        linked = http.post(f"campaigns({campaign})/campaignlist_association/$ref",
                           json={"@odata.id": f"{org.url}/api/data/v9.2/lists({listid})"})
        assert linked.status_code == 204, linked.text
        assert listid in json.loads(state_file.read_text(encoding="utf-8"))["campaign_lists"][campaign]

        assert http.delete(f"leads({lead})").status_code == 204
        assert lead not in saved(state_file)["leads"], "a delete, which takes no new version, is saved too"


def test_refused_writes_and_reads_leave_the_file_alone(tmp_path):
    state_file = tmp_path / "org-state.json"
    with SandboxOrg(seed=42, data_dir=tmp_path, state_file=state_file) as org, web_api(org.env()) as http:
        lead = create_lead(http, "Only once")
        before = signature(state_file)
        again = http.post("leads", json={"leadid": lead, "lastname": "Twice"})
        assert again.status_code == 412, again.text
        missing = http.post("leads", json={"firstname": "No last name"})
        assert missing.status_code == 400, missing.text
        assert http.get("leads", params={"$top": "3"}).status_code == 200
        assert signature(state_file) == before, "nothing changed, nothing written"


def test_two_orgs_on_one_file_see_and_keep_each_others_writes(tmp_path):
    state_file = tmp_path / "org-state.json"
    # Each its own data folder: every start writes a new CA certificate there (ca.pem), which the other's
    # clients would no longer trust.
    with SandboxOrg(seed=42, data_dir=tmp_path / "one", state_file=state_file) as one, \
            SandboxOrg(seed=42, data_dir=tmp_path / "two", state_file=state_file) as two, \
            web_api(one.env()) as via_one, web_api(two.env()) as via_two:
        first = create_lead(via_one, "Made through one")
        seen = via_two.get(f"leads({first})")
        assert seen.status_code == 200 and seen.json()["lastname"] == "Made through one"
        second = create_lead(via_two, "Made through two")
        assert via_one.get(f"leads({second})").status_code == 200

        # Both at once, from several threads each: every write is kept, whichever process made it.
        def burst(http, name):
            return [create_lead(http, f"{name} {i}") for i in range(5)]

        with ThreadPoolExecutor(max_workers=4) as pool:
            futures = [pool.submit(burst, http, f"{name} {n}")
                       for n in range(2) for name, http in (("one", via_one), ("two", via_two))]
            burst_leads = [lead for future in futures for lead in future.result()]
        expected = {first, second, *burst_leads}
        assert expected <= set(saved(state_file)["leads"])
        for http in (via_one, via_two):
            for lead in burst_leads:
                assert http.get(f"leads({lead})").status_code == 200
    assert expected <= set(saved(state_file)["leads"]), "neither stop() wrote over the other's records"
    with SandboxOrg(seed=42, data_dir=tmp_path, state_file=state_file) as again:
        assert expected <= set(again.state.leads)


KEEP_SERVING = textwrap.dedent("""
    import json, sys, threading
    from pathlib import Path
    from campsync_gui.sandbox import SandboxOrg
    folder = Path(sys.argv[1])
    org = SandboxOrg(seed=42, data_dir=folder, state_file=folder / "org-state.json").start()
    print(json.dumps(org.env()), flush=True)
    threading.Event().wait()
""")


def test_a_write_survives_a_kill_9_of_the_process_serving_it(tmp_path):
    state_file = tmp_path / "org-state.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPSYNC_")}
    env["CAMPSYNC_HOME"] = str(tmp_path / "home")
    proc = subprocess.Popen([sys.executable, "-c", KEEP_SERVING, str(tmp_path)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        settings = json.loads(proc.stdout.readline())
        listid = str(uuid.uuid4())
        with web_api(settings) as http:
            lead = create_lead(http, "Survivor")
            made = http.post("lists", json={"listid": listid, "listname": "Survivors", "createdfromcode": 4})
            assert made.status_code == 204, made.text
            added = http.post(f"lists({listid})/{NS}AddMemberList", json={"EntityId": lead})
            assert added.status_code == 200, added.text
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=15)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    with SandboxOrg(seed=42, data_dir=tmp_path, state_file=state_file) as again:
        assert again.state.leads[lead]["lastname"] == "Survivor"
        assert again.state.members_of(listid) == {lead}


def test_a_change_that_cannot_be_saved_is_refused_and_undone(tmp_path):
    state_file = tmp_path / "org-state.json"
    with SandboxOrg(seed=42, data_dir=tmp_path, state_file=state_file) as org, web_api(org.env()) as http:
        create_lead(http, "Before the disk failed")
        blocker = tmp_path / "org-state.json.partial"
        blocker.mkdir()  # the save's temporary file cannot be written: as a full or read-only disk would do
        leadid = str(uuid.uuid4())
        refused = http.post("leads", json={"leadid": leadid, "lastname": "Never confirmed"})
        assert refused.status_code == 500 and "could not save" in refused.json()["error"]["message"]
        assert http.get(f"leads({leadid})").status_code == 404, "the org does not keep what it could not save"
        blocker.rmdir()
        assert create_lead(http, "After") in saved(state_file)["leads"]


def test_a_change_whose_answer_is_lost_is_saved_all_the_same(tmp_path):
    state_file = tmp_path / "org-state.json"
    with SandboxOrg(seed=42, data_dir=tmp_path, state_file=state_file) as org, web_api(org.env()) as http:
        org.knobs.lose_answers = 1
        leadid = str(uuid.uuid4())
        try:
            http.post("leads", json={"leadid": leadid, "lastname": "Answer lost"})
        except httpx.HTTPError:
            pass
        assert leadid in saved(state_file)["leads"], "the org made the change, as Dataverse would have"


def test_every_kind_of_change_moves_the_change_count_and_a_refused_one_does_not():
    org = SandboxOrg(seed=42)
    state = org.state
    campaign = next(iter(state.campaigns))
    lead = state.create("leads", {"lastname": "Counted"})["leadid"]
    list_id = state.create("lists", {"listname": "Counted", "createdfromcode": 4})["listid"]
    changes = [
        lambda: state.update("leads", lead, {"firstname": "Now"}),
        lambda: state.link_list(campaign, list_id),
        lambda: state.add_member(list_id, lead),
        lambda: state.remove_member(list_id, lead),
        lambda: state.unlink_list(campaign, list_id),
        lambda: state.delete("leads", lead),
        lambda: state.delete("lists", list_id),
    ]
    for change in changes:
        before = state.changes
        change()
        assert state.changes > before
    before = state.changes
    with pytest.raises(SandboxError):
        state.create("leads", {"firstname": "No last name"})
    state.unlink_list(campaign, str(uuid.uuid4()))  # never linked: nothing to undo
    state.rows("leads")
    assert state.changes == before
