"""Reproducible demo data: the same seed gives the same ids, names and memberships, run after run."""

from __future__ import annotations

import random
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

# Fixed rather than "now", so the same seed yields byte-identical rows whatever the day.
_EPOCH = datetime(2025, 1, 6, 8, 0, tzinfo=timezone.utc)

FIRST_NAMES = [
    "Amelia", "Oliver", "Sofia", "Lucas", "Emma", "Noah", "Mia", "Liam", "Chloé", "Hugo", "Léa", "Louis",
    "Hannah", "Jonas", "Lena", "Felix", "Marta", "Mateo", "Lucía", "Pablo", "Giulia", "Lorenzo", "Chiara",
    "Matteo", "Ingrid", "Søren", "Freja", "Lars", "Aino", "Mikko", "Zofia", "Łukasz", "Ana", "João", "Beatriz",
    "Tiago", "Aoife", "Seán", "Niamh", "Declan", "Priya", "Arjun", "Ananya", "Rohan", "Mei", "Wei", "Yuki",
    "Haruto", "Sakura", "Min-jun", "Ji-woo", "Fatima", "Omar", "Layla", "Youssef", "Amara", "Kwame", "Zanele",
    "Thabo", "Isabela", "Rafael", "Camila", "Diego", "Valentina", "Grace", "Ethan", "Chloe", "Jack", "Olivia",
    "William", "Zoë", "Anaïs", "Elif", "Emre", "Nadia", "Dmitri", "Katarzyna", "Björn", "Astrid", "Tomás",
]
LAST_NAMES = [
    "Smith", "Johnson", "Williams", "Brown", "Taylor", "Martin", "Bernard", "Dubois", "Moreau", "Laurent",
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "García", "Fernández", "López", "Martínez",
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Johansson", "Andersson", "Nielsen", "Hansen",
    "Korhonen", "Virtanen", "Nowak", "Kowalski", "Wiśniewska", "Silva", "Santos", "Oliveira", "Pereira",
    "O'Brien", "Murphy", "O'Sullivan", "Kelly", "Patel", "Sharma", "Iyer", "Reddy", "Chen", "Wang", "Li",
    "Tanaka", "Suzuki", "Sato", "Kim", "Park", "Lee", "Haddad", "Khalil", "Mansour", "Okafor", "Mensah",
    "Dlamini", "Nkosi", "Costa", "Almeida", "Rodrigues", "van der Berg", "de Vries", "Jansen", "Visser",
    "MacDonald", "Campbell", "Stewart", "Novak", "Horvat", "Yılmaz", "Demir", "Ivanova", "Petrov", "Lindqvist",
]
COMPANIES = [
    ("Northwind Traders", "United States"), ("Contoso Pharmaceuticals", "United States"),
    ("Fabrikam, Inc.", "Canada"), ("Adventure Works Cycles", "United States"), ("Tailspin Toys", "United Kingdom"),
    ("Wingtip Toys", "Ireland"), ("Alpine Ski House", "Switzerland"), ("Coho Winery", "France"),
    ("Litware, Inc.", "Germany"), ("Proseware, Inc.", "Netherlands"), ("Woodgrove Bank", "United Kingdom"),
    ("Trey Research", "Sweden"), ("Lucerne Publishing", "Switzerland"), ("Margie's Travel", "Spain"),
    ("Blue Yonder Airlines", "Germany"), ("Humongous Insurance", "United States"), ("Fourth Coffee", "Italy"),
    ("Wide World Importers", "Australia"), ("Southridge Video", "Canada"), ("City Power & Light", "United States"),
    ("Consolidated Messenger", "Denmark"), ("VanArsdel, Ltd.", "Netherlands"), ("Relecloud", "Finland"),
    ("Munson's Pickles and Preserves", "United Kingdom"), ("A. Datum Corporation", "Japan"),
    ("First Up Consultants", "India"), ("Bellows College", "Ireland"), ("Best For You Organics", "Portugal"),
    ("Tailwind Traders", "Brazil"), ("Woodgrove Grocers", "Poland"), ("Graphic Design Institute", "France"),
    ("Lamna Healthcare", "Spain"), ("Nod Publishers", "Italy"), ("Boreal Analytics", "Norway"),
    ("Kestrel Logistics", "South Africa"), ("Meridian Solar", "Germany"), ("Harbor Point Clinics", "United States"),
    ("Sundial Foods", "Mexico"), ("Quillstone Legal", "United Kingdom"), ("Verdant Robotics", "South Korea"),
]
JOB_TITLES = [
    "Marketing Manager", "Head of Demand Generation", "Marketing Operations Specialist", "CMO",
    "Sales Director", "Account Executive", "Event Coordinator", "Product Marketing Manager", "IT Director",
    "Procurement Lead", "Chief Operating Officer", "Customer Success Manager", "Digital Campaign Manager",
    "Business Analyst", "VP of Sales", "Content Strategist", "Partner Manager", "Finance Controller",
    "CRM Administrator", "Head of Growth",
]
LEAD_SUBJECTS = [
    "Interested in CampSync Cloud", "Webinar follow-up", "Trade show inquiry", "Pricing request",
    "Demo request", "Partnership enquiry", "Newsletter sign-up", "Whitepaper download", "Renewal question",
    "Referral from customer",
]


@dataclass(frozen=True)
class Identity:
    """Who the tenant, the app registration and the org are: stable for a seed, so env files keep working."""

    tenant_id: str
    client_id: str
    user_id: str
    business_unit_id: str
    organization_id: str
    tenant_name: str = "CampSync Sandbox"


@dataclass
class SeedData:
    campaigns: dict[str, dict[str, Any]] = field(default_factory=dict)
    leads: dict[str, dict[str, Any]] = field(default_factory=dict)
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)
    lists: dict[str, dict[str, Any]] = field(default_factory=dict)
    listmembers: dict[str, dict[str, Any]] = field(default_factory=dict)
    campaign_lists: dict[str, list[str]] = field(default_factory=dict)
    solutions: dict[str, dict[str, Any]] = field(default_factory=dict)
    prerequisite_solution_id: str = ""
    next_version: int = 0


def new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def make_identity(seed: int) -> Identity:
    # A separate stream from the data, so adding seed rows never changes the tenant or client id.
    rng = random.Random(f"campsync-sandbox-identity:{seed}")
    return Identity(
        tenant_id=new_id(rng),
        client_id=new_id(rng),
        user_id=new_id(rng),
        business_unit_id=new_id(rng),
        organization_id=new_id(rng),
    )


def _ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", plain.lower())


def _moment(rng: random.Random, days: int = 480) -> datetime:
    return _EPOCH + timedelta(days=rng.randrange(days), minutes=rng.randrange(9 * 60))


# name, typecode, statecode, statuscode, istemplate, description
_CAMPAIGNS = [
    ("Spring Webinar Series 2026", 3, 0, 2, False, "Four product webinars for prospects in March and April."),
    ("EMEA Trade Show — Berlin", 3, 0, 1, False, "Booth and side events at the Berlin marketing fair."),
    ("Q2 Product Launch — CampSync Cloud", 1, 0, 0, False, "Launch campaign for the cloud edition."),
    ("Customer Advocacy Programme", 5, 0, 2, False, "Case studies and references from happy customers."),
    ("Partner Co-Marketing — Northwind", 4, 0, 2, False, "Joint campaign with Northwind Traders."),
    ("Direct Mail — Renewals 2026", 2, 0, 1, False, "Renewal reminders sent by post to key accounts."),
    ("Winter Newsletter 2025", 2, 0, 3, False, "Quarterly newsletter, winter edition."),
    ("Holiday Promo 2024", 1, 1, 6, False, "Seasonal discount campaign, closed."),
    ("Legacy Lead Nurture (retired)", 2, 1, 6, False, "Old nurture stream, replaced by the 2026 programme."),
    ("Event Campaign Template", 3, 0, 0, True, "Template for event campaigns: copy it, do not run it."),
]

# listname, createdfromcode, purpose, campaign names linked, member count
_LISTS = [
    ("Trade show attendees 2026", 2, "Visitors scanned at the Berlin booth", ["EMEA Trade Show — Berlin"], 34),
    ("Webinar registrants", 4, "Sign-ups for the spring webinars", ["Spring Webinar Series 2026"], 28),
    (
        "Newsletter subscribers — EMEA",
        2,
        "Opted-in newsletter readers in Europe",
        ["Customer Advocacy Programme", "Winter Newsletter 2025"],
        22,
    ),
]

_OTHER_SOLUTIONS = [
    ("Default", "Default Solution", "1.0", False),
    ("System", "System Solution", "9.2.25083.00178", True),
    ("msdynce_Sales", "Dynamics 365 Sales", "9.0.2508.3001", True),
]


def build(seed: int) -> SeedData:
    rng = random.Random(seed)
    data = SeedData()
    version = 1_000_000

    def stamp(row: dict[str, Any], created: datetime) -> None:
        nonlocal version
        version += rng.randrange(1, 40)
        row["createdon"] = iso(created)
        row["modifiedon"] = iso(created + timedelta(hours=rng.randrange(0, 24 * 30)))
        row["versionnumber"] = version

    for number, (name, typecode, state, status, template, description) in enumerate(_CAMPAIGNS, start=1):
        cid = new_id(rng)
        start = date(2026, 1, 12) + timedelta(days=rng.randrange(0, 150))
        suffix = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
        row = {
            "campaignid": cid,
            "name": name,
            "codename": f"CMP-{1000 + number:05d}-{suffix}",
            "typecode": typecode,
            "statecode": state,
            "statuscode": status,
            "istemplate": template,
            "description": description,
            "proposedstart": start.isoformat(),
            "proposedend": (start + timedelta(days=rng.randrange(14, 90))).isoformat(),
        }
        stamp(row, _moment(rng, 200))
        data.campaigns[cid] = row

    companies = list(COMPANIES)
    rng.shuffle(companies)
    for name, country in companies[:25]:
        aid = new_id(rng)
        row = {"accountid": aid, "name": name, "address1_country": country, "statecode": 0, "statuscode": 1}
        stamp(row, _moment(rng))
        data.accounts[aid] = row

    emails: set[str] = set()

    def person(company: str) -> tuple[str, str, str]:
        first = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        domain = _ascii_slug(company)[:24] + ".example"
        local = f"{_ascii_slug(first)}.{_ascii_slug(last)}"
        email = f"{local}@{domain}"
        n = 2
        while email in emails:
            email = f"{local}{n}@{domain}"
            n += 1
        emails.add(email)
        return first, last, email

    for _ in range(300):
        company, country = rng.choice(COMPANIES)
        first, last, email = person(company)
        lid = new_id(rng)
        roll = rng.random()
        if roll < 0.78:
            state, status = 0, rng.choice((1, 1, 2))
        elif roll < 0.9:
            state, status = 1, 3
        else:
            state, status = 2, rng.choice((4, 5, 6, 7))
        row = {
            "leadid": lid,
            "firstname": first,
            "lastname": last,
            "fullname": f"{first} {last}",
            "emailaddress1": email,
            "companyname": company,
            "jobtitle": rng.choice(JOB_TITLES),
            "subject": rng.choice(LEAD_SUBJECTS),
            "address1_country": country if rng.random() < 0.85 else rng.choice(COMPANIES)[1],
            "statecode": state,
            "statuscode": status,
        }
        stamp(row, _moment(rng))
        data.leads[lid] = row

    account_rows = list(data.accounts.values())
    for _ in range(200):
        account = rng.choice(account_rows)
        first, last, email = person(account["name"])
        pid = new_id(rng)
        active = rng.random() < 0.93
        row = {
            "contactid": pid,
            "firstname": first,
            "lastname": last,
            "fullname": f"{first} {last}",
            "emailaddress1": email,
            "jobtitle": rng.choice(JOB_TITLES),
            "address1_country": account["address1_country"],
            "_parentcustomerid_value": account["accountid"],
            "statecode": 0 if active else 1,
            "statuscode": 1 if active else 2,
        }
        stamp(row, _moment(rng))
        data.contacts[pid] = row

    by_name = {row["name"]: cid for cid, row in data.campaigns.items()}
    for listname, code, purpose, campaign_names, size in _LISTS:
        list_id = new_id(rng)
        pool = data.contacts if code == 2 else data.leads
        members = rng.sample(sorted(pool), size)
        row = {
            "listid": list_id,
            "listname": listname,
            "createdfromcode": code,
            "type": False,
            "lockstatus": False,
            "statecode": 0,
            "statuscode": 0,
            "membercount": len(members),
            "purpose": purpose,
            "description": None,
        }
        created = _moment(rng, 300)
        stamp(row, created)
        data.lists[list_id] = row
        for entity_id in members:
            member_id = new_id(rng)
            data.listmembers[member_id] = {
                "listmemberid": member_id,
                "_listid_value": list_id,
                "_entityid_value": entity_id,
                "entitytype": "contact" if code == 2 else "lead",
                "createdon": iso(created + timedelta(hours=rng.randrange(1, 24 * 60))),
                "versionnumber": version,
            }
        for campaign_name in campaign_names:
            data.campaign_lists.setdefault(by_name[campaign_name], []).append(list_id)

    data.prerequisite_solution_id = new_id(rng)
    for uniquename, friendly, sol_version, managed in _OTHER_SOLUTIONS:
        sid = new_id(rng)
        data.solutions[sid] = {
            "solutionid": sid,
            "uniquename": uniquename,
            "friendlyname": friendly,
            "version": sol_version,
            "ismanaged": managed,
            "isvisible": uniquename != "System",
            "installedon": iso(_moment(rng, 30)),
            "versionnumber": 900_000 + rng.randrange(1000),
        }
    data.next_version = version + 1000
    return data
