"""The PostgreSQL server the server tests run against (issue 14).

$ANNOTATOR_TEST_PG, a superuser's postgresql:// URL, names a running server (``.ci/run`` starts
one); without it the session starts a throwaway cluster when PostgreSQL's binaries are here, and
skips the server tests when they are not, or when psycopg is not installed -- unless
$ANNOTATOR_REQUIRE_PG=1 (CI), which turns that skip into a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from annotator.store import pgcluster


def skip_or_fail(why: str) -> None:
    """Skip the server tests, or fail them where they are required ($ANNOTATOR_REQUIRE_PG=1)."""
    if os.environ.get("ANNOTATOR_REQUIRE_PG") == "1":
        pytest.fail(f"ANNOTATOR_REQUIRE_PG=1, but {why}", pytrace=False)
    pytest.skip(why)


def require_psycopg() -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        skip_or_fail("psycopg is not installed (pip install -e '.[server]')")


def require_binaries() -> None:
    if pgcluster.find_pg_bin() is None:
        skip_or_fail("no PostgreSQL binaries (initdb, pg_ctl) found; set ANNOTATOR_PG_BIN")


@contextmanager
def server_for_tests() -> Iterator[pgcluster.PgServer]:
    """The server named by $ANNOTATOR_TEST_PG, else a throwaway cluster stopped on exit."""
    require_psycopg()
    if dsn := os.environ.get("ANNOTATOR_TEST_PG"):
        yield pgcluster.PgServer(dsn)
        return
    require_binaries()
    with pgcluster.ThrowawayCluster() as cluster:
        yield cluster
