"""The PostgreSQL backend's words, without a server: placeholders and how addresses are shown."""

from __future__ import annotations

import pytest

from annotator.paths import is_server_address
from annotator.store.pg_backend import _translate, describe


@pytest.mark.parametrize(
    ("written", "sent"),
    [
        ("SELECT a FROM t WHERE x = ? AND y = ?", "SELECT a FROM t WHERE x = %s AND y = %s"),
        # a literal ? or % stays a character; % outside quotes is escaped for psycopg
        (
            "SELECT '?', '50%', x % 2 FROM t WHERE y = ?",
            "SELECT '?', '50%%', x %% 2 FROM t WHERE y = %s",
        ),
        ('SELECT "we?ird" FROM t WHERE a LIKE ?', 'SELECT "we?ird" FROM t WHERE a LIKE %s'),
        ("SELECT 'it''s ?' , ?", "SELECT 'it''s ?' , %s"),
    ],
)
def test_placeholders_outside_quotes_only(written, sent):
    assert _translate(written) == sent


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        (
            "postgresql://alice:s3cret@db.example.org:5433/summer",
            "postgresql://alice@db.example.org:5433/summer",
        ),
        (
            "postgresql://alice@db.example.org/summer?password=s3cret",
            "postgresql://alice@db.example.org/summer",
        ),
        ("postgres://db.example.org/summer", "postgresql://db.example.org/summer"),
        ("service=summer", "service=summer"),
    ],
)
def test_addresses_are_shown_without_passwords(address, shown):
    assert describe(address) == shown
    assert "s3cret" not in describe(address)


def test_what_counts_as_a_server_address(tmp_path):
    assert is_server_address("postgresql://u@h/db") and is_server_address("service=x")
    assert not is_server_address(tmp_path / "postgresql:" / "x.db")  # a Path is a file
    assert not is_server_address("project.db")
