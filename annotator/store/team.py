"""Who is on the project's team and in which role: annotators write their own layer, reviewers
also write the gold layer and the adjudications.

On a server the role is enforced by PostgreSQL itself (row-level security, migration 3 in
``pg_migrations``) and access to the database by its CONNECT privilege: ``add`` grants it and
``remove`` revokes it (the person's layer stays). Each member logs in with their own PostgreSQL
login role, whose name is the name of their layer. Creating login roles and their passwords is
the server administrator's business (``createuser``), not the app's.

On a file nothing is enforced (whoever has the file can write it); the roles are recorded so a
project moved to a server keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.errors import AnnotatorError
from annotator.store.annotators import check_name
from annotator.store.clock import now

if TYPE_CHECKING:
    from annotator.store import Store

ROLES = ("annotator", "reviewer")


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    role: str
    decided: int
    can_connect: bool | None  # None on a file: there is no login to check


class Team:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, name: str, role: str = "annotator") -> Member:
        """Put ``name`` on the team with ``role`` (or change their role); on a server, also let
        their login connect to the project's database (own transaction)."""
        name = check_name(name)
        if role not in ROLES:
            raise AnnotatorError(f"role must be one of {', '.join(ROLES)}, not '{role}'")
        store = self.store
        with store.transaction():
            if store.on_server:
                self._require_login(name)
                store.execute(f"GRANT CONNECT ON DATABASE {self._database()} TO {_ident(name)}")
            store.execute(
                "INSERT INTO annotators (name, kind, role, created_at) VALUES (?, 'human', ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET role = excluded.role",
                [name, role, now()],
            )
        return self.get(name)

    def remove(self, name: str) -> None:
        """Take away a member's access to a server project; their layer stays (own transaction)."""
        store = self.store
        found = self.get(name)
        with store.transaction():
            if store.on_server:
                store.execute(
                    f"REVOKE CONNECT ON DATABASE {self._database()} FROM {_ident(found.name)}"
                )
            store.execute(
                "UPDATE annotators SET role = 'annotator' WHERE name = ?", [found.name]
            )

    def get(self, name: str) -> Member:
        for member in self.members():
            if member.name == name:
                return member
        raise AnnotatorError(f"'{name}' is not on the team; add them with: annotator team add {name}")

    def members(self) -> list[Member]:
        """Every human annotator with role, decided sentences and (on a server) whether their
        login may connect to the project's database now."""
        rows = self.store.query(
            "SELECT an.name, an.role, "
            "(SELECT count(*) FROM annotations a WHERE a.annotator_id = an.annotator_id "
            "AND a.decided = 1) FROM annotators an WHERE an.kind = 'human' ORDER BY an.name"
        )
        out = []
        for name, role, decided in rows:
            can: bool | None = None
            if self.store.on_server:
                can = bool(
                    self.store.query(
                        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?) AND "
                        "has_database_privilege(?, current_database(), 'CONNECT')",
                        [name, name],
                    )[0][0]
                )
            out.append(Member(name, role, int(decided), can))
        return out

    def close_to_public(self) -> bool:
        """On a new server project: only members may connect (PostgreSQL lets every login connect
        to a new database). False when this login does not own the database and cannot."""
        if not self.store.on_server:
            return False
        owner = self.store.query(
            "SELECT pg_get_userbyid(datdba) = session_user FROM pg_database "
            "WHERE datname = current_database()"
        )[0][0]
        if not owner:
            return False
        with self.store.transaction():
            self.store.execute(f"REVOKE CONNECT ON DATABASE {self._database()} FROM PUBLIC")
        return True

    def _database(self) -> str:
        return _ident(str(self.store.query("SELECT current_database()")[0][0]))

    def _require_login(self, name: str) -> None:
        exists = self.store.query("SELECT 1 FROM pg_roles WHERE rolname = ?", [name])
        if not exists:
            raise AnnotatorError(
                f"{self.store.location}: there is no login role '{name}' on the server; "
                f"the administrator creates it first, e.g.: createuser --pwprompt {name}"
            )


def _ident(name: str) -> str:
    """A quoted SQL identifier (role and database names go into GRANT, which takes no
    parameters)."""
    return '"' + name.replace('"', '""') + '"'
