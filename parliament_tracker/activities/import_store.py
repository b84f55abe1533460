"""Where a preview keeps every row's outcome: a SQLite file of its own (beside the upload under instance/imports,
or a temporary file for the command line), so that memory stays flat whatever the file's size, the preview page
reads one page of rows at a time, and the commit (or a background job in another process) reads them back.

It is the import's scratch space, not the application's database: nothing in it is shared or kept after the
import is committed or expires."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

ROW_COLUMNS = ("row", "status", "ref", "chamber", "chamber_id", "chamber_text", "candidates", "message", "fault",
               "resolved", "activity_problem", "activity_message", "participants", "women", "existing_id",
               "existing_version", "existing_participants", "existing_women")
SCHEMA = """
CREATE TABLE rows (row INTEGER PRIMARY KEY, status TEXT NOT NULL, ref TEXT NOT NULL, chamber TEXT,
                   chamber_id INTEGER, chamber_text TEXT, candidates TEXT, message TEXT, fault TEXT, resolved TEXT,
                   activity_problem INTEGER DEFAULT 0, activity_message TEXT DEFAULT '', participants INTEGER,
                   women INTEGER, existing_id INTEGER, existing_version INTEGER, existing_participants INTEGER,
                   existing_women INTEGER);
CREATE INDEX rows_ref_chamber ON rows (ref, chamber_id);
CREATE TABLE groups (ref TEXT PRIMARY KEY, cells TEXT NOT NULL, first_row INTEGER NOT NULL, activity_id INTEGER,
                     changed INTEGER DEFAULT 0, deleted INTEGER DEFAULT 0);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
REFUSED = ("error", "ambiguous")
# Rows handed out per fetch when a caller iterates over all of them: memory holds one such batch.
FETCH = 2_000


class RowStore:
    """One preview's rows and activity groups in a SQLite file (created empty by create(), read by open())."""

    def __init__(self, path: Path, connection: sqlite3.Connection):
        self.path, self.db = path, connection

    @classmethod
    def create(cls, path: Path) -> RowStore:
        """A new, empty store at path (any earlier file there is replaced). Durability is not needed: a store that
        a crash damaged is simply previewed again."""
        for leftover in (path, path.with_name(path.name + "-journal")):
            leftover.unlink(missing_ok=True)
        connection = sqlite3.connect(path, check_same_thread=False)
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-16000;"
                                 + SCHEMA)
        return cls(path, connection)

    @classmethod
    def open(cls, path: Path) -> RowStore:
        """The finished store at path, for reading (sqlite3.Error when it is missing or damaged)."""
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        connection.execute("SELECT count(*) FROM meta").fetchone()
        return cls(path, connection)

    def close(self) -> None:
        self.db.close()

    def put_meta(self, key: str, value) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))

    def meta(self, key: str, default=None):
        found = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(found[0]) if found else default

    def add_row(self, values: dict) -> None:
        names = ", ".join(values)
        self.db.execute(f"INSERT INTO rows ({names}) VALUES ({', '.join('?' * len(values))})",  # noqa: S608 - our names
                        tuple(values.values()))

    def update_rows(self, names: tuple[str, ...], rows: list[tuple]) -> None:
        """rows are (values of names..., row number)."""
        sets = ", ".join(f"{n} = ?" for n in names)
        self.db.executemany(f"UPDATE rows SET {sets} WHERE row = ?", rows)  # noqa: S608 - our column names

    def group(self, ref: str) -> tuple[str, int] | None:
        """(cells as JSON, first row) of the activity_ref, or None before its first row."""
        return self.db.execute("SELECT cells, first_row FROM groups WHERE ref = ?", (ref,)).fetchone()

    def add_group(self, ref: str, cells: str, first_row: int) -> None:
        self.db.execute("INSERT INTO groups (ref, cells, first_row) VALUES (?, ?, ?)", (ref, cells, first_row))

    def set_activity_ids(self, rows: list[tuple[int, str]]) -> None:
        """rows are (activity id, ref): the activities the commit created."""
        self.db.executemany("UPDATE groups SET activity_id = ? WHERE ref = ?", rows)

    def activity_id(self, ref: str) -> int | None:
        found = self.db.execute("SELECT activity_id FROM groups WHERE ref = ?", (ref,)).fetchone()
        return found[0] if found else None

    def row_of_chamber(self, ref: str, chamber_id: int) -> int | None:
        # chamber_id is set on rows that joined their group only; INDEXED BY: the planner has no statistics
        found = self.db.execute("SELECT row FROM rows INDEXED BY rows_ref_chamber WHERE ref = ? AND chamber_id = ? "
                                "LIMIT 1", (ref, chamber_id)).fetchone()
        return found[0] if found else None

    def group_batches(self, size: int, where: str = "1 = 1") -> Iterator[list[tuple]]:
        """(ref, cells, first_row, activity_id, changed, deleted) of the groups, size at a time, in ref order."""
        last = ""
        while batch := self.db.execute(f"SELECT ref, cells, first_row, activity_id, changed, deleted FROM groups "  # noqa: S608
                                       f"WHERE ref > ? AND {where} ORDER BY ref LIMIT ?", (last, size)).fetchall():
            yield batch
            last = batch[-1][0]

    def set_groups(self, rows: list[tuple]) -> None:
        """rows are (activity_id, changed, deleted, ref)."""
        self.db.executemany("UPDATE groups SET activity_id = ?, changed = ?, deleted = ? WHERE ref = ?", rows)

    def rows_of(self, refs: list[str], status: str = "pending") -> list[dict]:
        marks = ", ".join("?" * len(refs))
        cursor = self.db.execute(f"SELECT {', '.join(ROW_COLUMNS)} FROM rows WHERE status = ? AND ref IN ({marks})",  # noqa: S608
                                 (status, *refs))
        return [dict(zip(ROW_COLUMNS, r, strict=True)) for r in cursor]

    def iter_rows(self, where: str = "1 = 1", params: tuple = ()) -> Iterator[dict]:
        """Every row matching where, in file order, FETCH at a time."""
        last = 0
        while batch := self.db.execute(f"SELECT {', '.join(ROW_COLUMNS)} FROM rows WHERE row > ? AND ({where}) "  # noqa: S608
                                       f"ORDER BY row LIMIT ?", (last, *params, FETCH)).fetchall():
            for values in batch:
                yield dict(zip(ROW_COLUMNS, values, strict=True))
            last = batch[-1][0]

    def page(self, offset: int, limit: int) -> list[dict]:
        """One page of rows for the preview: refused rows first, then the others, each in file order."""
        cursor = self.db.execute(f"SELECT {', '.join(ROW_COLUMNS)} FROM rows ORDER BY status NOT IN "  # noqa: S608
                                 f"('error', 'ambiguous'), row LIMIT ? OFFSET ?", (limit, offset))
        return [dict(zip(ROW_COLUMNS, r, strict=True)) for r in cursor]

    def count(self, *statuses: str) -> int:
        if not statuses:
            return self.db.execute("SELECT count(*) FROM rows").fetchone()[0]
        marks = ", ".join("?" * len(statuses))
        return self.db.execute(f"SELECT count(*) FROM rows WHERE status IN ({marks})", statuses).fetchone()[0]  # noqa: S608

    def numbers(self, *statuses: str) -> list[int]:
        marks = ", ".join("?" * len(statuses))
        return [r for (r,) in self.db.execute(f"SELECT row FROM rows WHERE status IN ({marks}) ORDER BY row",  # noqa: S608
                                              statuses)]

    def commit(self) -> None:
        self.db.commit()
