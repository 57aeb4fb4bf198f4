"""The sandbox tenant's people: demo users with their Entra object ids, Dataverse user ids and security roles.

Every demo user's password is `demo` (shown on the sign-in page: this is a local test tenant). Their ids derive
from the seed's identity, so a token cache made against one run keeps naming the same people in the next.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from .seed import Identity

DOMAIN = "campsyncsandbox.onmicrosoft.com"
PASSWORD = "demo"
MFA_CODE = "123456"
# Microsoft's Dataverse-samples public client: admins may allow it, for device code only (its registered redirect
# is not a loopback one).
SAMPLES_CLIENT_ID = "51f81489-12ee-4a9e-aaae-a2591f45987d"
SAMPLES_REDIRECT_URI = "app://58145B91-0C36-4500-8554-080854F2AC97"
# Without the privileges CampSync's writes need; every other verb on every table stays.
READER_ROLE = "CampSync Reader"
_READ_ONLY_VERBS = ("Read",)


@dataclass(frozen=True)
class DemoUser:
    username: str  # the UPN, lower case
    name: str
    oid: str  # Entra object id
    systemuserid: str  # the Dataverse user that Entra user is mapped to
    roles: tuple[str, ...]
    mfa: bool = False  # asks a one-time code after the password, whatever the tenant's policy
    disabled: bool = False
    read_only: bool = False  # the reader: read privileges only

    def __repr__(self) -> str:
        return f"<DemoUser {self.username}>"


# local part, display name, roles, mfa, disabled, read_only
_PEOPLE = [
    ("operator", "Olivia Operator", ("Marketing Professional - Business", "Salesperson"), False, False, False),
    ("manager", "Max Manager", ("Marketing Manager",), False, False, False),
    ("mfa", "Mia MFA", ("Marketing Professional - Business", "Salesperson"), True, False, False),
    ("reader", "Rory Reader", (READER_ROLE,), False, False, True),
    ("disabled", "Dana Disabled", ("Marketing Professional - Business",), False, True, False),
]


def make_users(identity: Identity) -> list[DemoUser]:
    users = []
    for local, name, roles, mfa, disabled, read_only in _PEOPLE:
        username = f"{local}@{DOMAIN}"
        users.append(DemoUser(
            username=username,
            name=name,
            oid=str(uuid.uuid5(uuid.UUID(identity.tenant_id), f"oid:{username}")),
            systemuserid=str(uuid.uuid5(uuid.UUID(identity.organization_id), f"systemuser:{username}")),
            roles=roles,
            mfa=mfa,
            disabled=disabled,
            read_only=read_only,
        ))
    return users


class Directory:
    """Lookups over the demo users, by UPN (case-insensitive, as Entra), object id or Dataverse user id."""

    def __init__(self, users: list[DemoUser]) -> None:
        self.users = list(users)
        self._by_name = {u.username: u for u in users}
        self._by_oid = {u.oid: u for u in users}
        self._by_systemuser = {u.systemuserid: u for u in users}

    def by_username(self, username: str) -> DemoUser | None:
        name = username.strip().lower()
        if "@" not in name:  # people type the short name on a sign-in page too
            name = f"{name}@{DOMAIN}"
        return self._by_name.get(name)

    def by_oid(self, oid: str) -> DemoUser | None:
        return self._by_oid.get(oid)

    def by_systemuserid(self, systemuserid: str) -> DemoUser | None:
        return self._by_systemuser.get(systemuserid.lower())

    @property
    def usernames(self) -> list[str]:
        return [u.username for u in self.users]


def user_has_verb(user: DemoUser, verb: str) -> bool:
    return not user.read_only or verb in _READ_ONLY_VERBS
