"""Names of the app-owned marketing lists: one per campaign and member type, like Marketo's Mkto-leads-<id>."""

from __future__ import annotations

import re

MEMBER_TYPES = ("lead", "contact")


def app_list_name(prefix: str, member_type: str, campaign_id: str) -> str:
    """`<prefix>-leads-<campaign id>` / `<prefix>-contacts-<campaign id>`; prefix `Mkto` gives Marketo's names."""
    if member_type not in MEMBER_TYPES:
        raise ValueError(f"member type must be lead or contact, not {member_type!r}")
    return f"{prefix}-{member_type}s-{campaign_id}"


def parse_app_list_name(prefix: str, name: str) -> tuple[str, str] | None:
    """(member_type, campaign_id) when `name` is one of our app lists for this prefix, else None."""
    m = re.fullmatch(re.escape(prefix) + r"-(lead|contact)s-([0-9a-fA-F-]{36})", name or "")
    return (m.group(1), m.group(2).lower()) if m else None
