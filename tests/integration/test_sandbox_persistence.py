"""The app's built-in sandbox org keeps its records between runs, as a real org does."""

import json

from campsync_gui.sandbox import SandboxOrg


def test_records_made_in_one_run_are_there_in_the_next(tmp_path):
    state_file = tmp_path / "org-state.json"
    with SandboxOrg(seed=42, data_dir=tmp_path, state_file=state_file) as org:
        lead = org.state.create("leads", {"lastname": "Kept", "emailaddress1": "kept@example.org"})["leadid"]
        list_id = org.state.create("lists", {"listname": "Kept list", "createdfromcode": 4})["listid"]
        org.state.add_member(list_id, lead)
        campaign = next(iter(org.state.campaigns))
        org.state.link_list(campaign, list_id)
    with SandboxOrg(seed=42, data_dir=tmp_path, state_file=state_file) as again:
        assert again.state.leads[lead]["emailaddress1"] == "kept@example.org"
        assert again.state.members_of(list_id) == {lead}
        assert again.state.find_list("Kept list")["listid"] == list_id
        assert list_id in again.state.lists_of_campaign(campaign)
    with SandboxOrg(seed=42, data_dir=tmp_path) as fresh:  # without a state file: the seed's data only
        assert lead not in fresh.state.leads


def test_an_unreadable_or_foreign_state_file_falls_back_to_the_seed(tmp_path):
    state_file = tmp_path / "org-state.json"
    state_file.write_text('{"format": 1, "seed": 42, "tables": {"leads": ', encoding="utf-8")  # cut short
    with SandboxOrg(seed=42, data_dir=tmp_path, state_file=state_file) as org:
        seeded = len(org.state.leads)
        assert seeded > 0, "the demo data is there"
    assert json.loads(state_file.read_text(encoding="utf-8"))["seed"] == 42, "and saved whole on stop"
    with SandboxOrg(seed=7, data_dir=tmp_path, state_file=state_file) as other_seed, \
            SandboxOrg(seed=7, data_dir=tmp_path / "fresh") as fresh_seven:
        assert set(other_seed.state.leads) == set(fresh_seven.state.leads), "a file from another seed is ignored"
