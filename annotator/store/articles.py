"""Articles and their sentences as written by an import; the article list's summaries."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from annotator.errors import NotFound
from annotator.records import Article, ArticleSummary

if TYPE_CHECKING:
    from annotator.store import Store


class NewSentence(NamedTuple):  # a tuple: cheap to make and to send between processes
    """A sentence to insert with its article: offsets into the article text."""

    start: int
    end: int
    paragraph: int
    boilerplate: bool


@dataclass(frozen=True, slots=True)
class NewArticle:
    source: str
    title: str
    text: str
    text_hash: str
    meta: dict[str, Any]
    sentences: Sequence[NewSentence]


_ARTICLE_COLS = "article_id, source, title, text, text_hash, meta, imported_at"


def _article(row: tuple[Any, ...]) -> Article:
    return Article(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), row[6])


class Articles:
    def __init__(self, store: Store) -> None:
        self.store = store

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Return which of ``hashes`` are already in the project."""
        found: set[str] = set()
        batch = list(hashes)
        for i in range(0, len(batch), 500):
            chunk = batch[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.store.query(
                f"SELECT text_hash FROM articles WHERE text_hash IN ({marks})", chunk
            )
            found.update(r[0] for r in rows)
        return found

    def start_import(self, paths: Sequence[str], started_at: str) -> int:
        """Record an import run; returns its id (call inside the import's transaction)."""
        rows = self.store.query(
            "INSERT INTO imports (started_at, paths, articles_added, duplicates) VALUES (?,?,0,0) "
            "RETURNING import_id",
            [started_at, json.dumps(list(paths), ensure_ascii=False, allow_nan=False)],
        )
        return int(rows[0][0])

    def finish_import(self, import_id: int, added: int, duplicates: int) -> None:
        self.store.execute(
            "UPDATE imports SET articles_added = ?, duplicates = ? WHERE import_id = ?",
            [added, duplicates, import_id],
        )

    def add_many(self, articles: Iterable[NewArticle], import_id: int, imported_at: str) -> int:
        """Insert articles with their sentences (inside a transaction); return sentences added.

        Ids are assigned here so both tables are filled by one executemany each.
        """
        articles = list(articles)
        if not articles:
            return 0
        self.store.sql.lock_ids("articles")
        next_id = self.store.query("SELECT coalesce(max(article_id), 0) + 1 FROM articles")[0][0]
        article_rows: list[tuple[Any, ...]] = []
        sentence_rows: list[tuple[Any, ...]] = []
        for article_id, art in enumerate(articles, start=next_id):
            article_rows.append(
                (
                    article_id,
                    art.source,
                    art.title,
                    art.text,
                    art.text_hash,
                    json.dumps(art.meta, ensure_ascii=False, sort_keys=True, allow_nan=False),
                    import_id,
                    imported_at,
                )
            )
            text = art.text
            sentence_rows.extend(
                (
                    article_id,
                    i,
                    s.start,
                    s.end,
                    s.paragraph,
                    int(s.boilerplate),
                    text[s.start : s.end],
                )
                for i, s in enumerate(art.sentences)
            )
        self.store.executemany(
            "INSERT INTO articles (article_id, source, title, text, text_hash, meta, import_id, "
            "imported_at) VALUES (?,?,?,?,?,?,?,?)",
            article_rows,
        )
        self.store.executemany(
            "INSERT INTO sentences (article_id, position, char_start, char_end, paragraph, "
            "boilerplate, text) VALUES (?,?,?,?,?,?,?)",
            sentence_rows,
        )
        return len(sentence_rows)

    def get(self, article_id: int) -> Article:
        rows = self.store.query(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE article_id = ?", [article_id]
        )
        if not rows:
            raise NotFound(f"no article with id {article_id}")
        return _article(rows[0])

    def ids(self) -> list[int]:
        """Every article id, in import order."""
        return [
            r[0] for r in self.store.query("SELECT article_id FROM articles ORDER BY article_id")
        ]

    def all(self) -> list[Article]:
        return [
            _article(r)
            for r in self.store.query(f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY article_id")
        ]

    def count(self) -> int:
        return int(self.store.query("SELECT count(*) FROM articles")[0][0])

    def by_hash(self) -> dict[str, int]:
        """Map text hash → article id (used to match articles across project files)."""
        return {h: i for i, h in self.store.query("SELECT article_id, text_hash FROM articles")}

    def summaries(
        self, annotator_id: int | None, article_ids: Sequence[int] | None = None
    ) -> list[ArticleSummary]:
        """Article list rows with counts and ``annotator_id``'s progress, in import order.

        With ``article_ids`` (the rows an edit touched) the counts come from index lookups on
        those articles only, so refreshing a row stays fast on a project of any size.
        """
        who = annotator_id if annotator_id is not None else -1
        if article_ids is None:
            rows = self.store.query(
                "SELECT a.article_id, a.source, a.title, coalesce(c.sentences, 0), "
                "coalesce(c.boilerplate, 0), coalesce(p.decided, 0) "
                "FROM articles a LEFT JOIN article_counts c ON c.article_id = a.article_id "
                "LEFT JOIN article_progress p ON p.article_id = a.article_id AND p.annotator_id = ? "
                "ORDER BY a.article_id",
                [who],
            )
            return [ArticleSummary(*r) for r in rows]
        out: list[ArticleSummary] = []
        ids = list(article_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = self.store.query(
                "SELECT a.article_id, a.source, a.title, "
                "(SELECT count(*) FROM sentences s WHERE s.article_id = a.article_id), "
                "(SELECT coalesce(sum(s.boilerplate), 0) FROM sentences s "
                " WHERE s.article_id = a.article_id), "
                "(SELECT count(*) FROM sentences s JOIN annotations n "
                " ON n.sentence_id = s.sentence_id AND n.annotator_id = ? "
                " WHERE s.article_id = a.article_id AND n.decided = 1 AND s.boilerplate = 0) "
                f"FROM articles a WHERE a.article_id IN ({','.join('?' * len(chunk))}) "
                "ORDER BY a.article_id",
                [who, *chunk],
            )
            out.extend(ArticleSummary(*r) for r in rows)
        return out

    def search(self, needle: str) -> list[int]:
        """Ids of articles whose title or text contains ``needle`` (case-insensitive for ASCII)."""
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self.store.query(
            f"SELECT article_id FROM articles WHERE title {self.store.sql.like} ? ESCAPE '\\' "
            f"OR text {self.store.sql.like} ? ESCAPE '\\' ORDER BY article_id",
            [pattern, pattern],
        )
        return [r[0] for r in rows]
