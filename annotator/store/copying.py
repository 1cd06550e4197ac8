"""A whole project copied into a new SQLite file: ``annotator export --format sqlite`` and
File → Save a copy for a server project (to work offline, to archive, to hand to someone).

Every table is copied with its ids, so the file is the same project: exports, agreement and
merge give the same answers on it. Row versions are the file's own (they only order edits
within one store) and the server's roles come along as recorded values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.store import Store

# Parents before children, so every foreign key finds its row.
TABLES = (
    "imports", "articles", "sentences", "annotators", "annotations", "spans",
    "article_annotations", "suggestions", "suggestion_reviews", "adjudications", "positions",
)  # fmt: skip
_BATCH = 5000


def columns(store: Store, table: str) -> list[str]:
    cur = store.execute(f"SELECT * FROM {table} WHERE 1 = 0")
    return [d[0] for d in cur.description]


def copy_project(source: Store, target: Store) -> None:
    """Write every table of ``source`` into ``target``, a new empty project with the same
    schema (closed afterwards)."""
    try:
        with target.transaction():
            project = source.query(
                "SELECT name, label_schema, schema_hash, created_at FROM project"
            )[0]
            target.execute(
                "UPDATE project SET name = ?, label_schema = ?, schema_hash = ?, created_at = ? "
                "WHERE project_id = 1",
                list(project),
            )
            for table in TABLES:
                copy_table(source, target, table)
    finally:
        target.close()


def copy_table(source: Store, target: Store, table: str) -> int:
    """Copy the rows of ``table`` with the columns both stores have (inside a transaction)."""
    wanted = [c for c in columns(source, table) if c in set(columns(target, table))]
    if table == "annotations":
        wanted = [c for c in wanted if c != "version"]  # the target's clock numbers its rows
    names = ", ".join(wanted)
    marks = ",".join("?" * len(wanted))
    cur = source.sql.stream(f"SELECT {names} FROM {table} ORDER BY 1")
    copied = 0
    while batch := cur.fetchmany(_BATCH):
        target.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)
        copied += len(batch)
    cur.close()
    return copied
