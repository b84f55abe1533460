"""Test databases: migrated once per session, fresh for every test (SQLite file copy or PostgreSQL truncate)."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import create_engine, insert, inspect, select, text
from sqlalchemy.engine import make_url

from config import TestingConfig, database_url
from parliament_tracker import create_app
from parliament_tracker.extensions import db


def config_for(url: str, **overrides) -> type:
    return type("TestConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": url, **overrides})


class SqliteTemplate:
    """Migrates one file, then hands every test its own copy: as fresh as a new database, in a millisecond."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.template = folder / "template.db"
        app = create_app(config_for(f"sqlite:///{self.template}"))
        with app.app_context():
            upgrade()
            db.engine.dispose()

    def fresh_url(self) -> str:
        path = self.folder / f"test-{uuid.uuid4().hex}.db"
        shutil.copyfile(self.template, path)
        return f"sqlite:///{path}"

    def reset(self, url: str) -> None:
        Path(make_url(url).database).unlink(missing_ok=True)

    def close(self) -> None:
        pass


class PostgresTemplate:
    """Creates a private database for this session, migrates it, and empties it after each test
    (the rows the migrations seeded are put back)."""

    def __init__(self, base_url: str):
        base = make_url(database_url(base_url, base_url))
        self.name = f"{base.database or 'test'}_pt_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.admin_engine = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with self.admin_engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.url = base.set(database=self.name).render_as_string(hide_password=False)
        app = create_app(config_for(self.url))
        with app.app_context():
            upgrade()
            names = [t for t in inspect(db.engine).get_table_names() if t != "alembic_version"]
            tables = [db.metadata.tables[n] for n in names if n in db.metadata.tables]
            with db.engine.connect() as conn:
                self.seed = {t: [dict(r._mapping) for r in conn.execute(select(t))] for t in tables}
            db.engine.dispose()
        self.tables = tables
        self.engine = create_engine(self.url)

    def fresh_url(self) -> str:
        return self.url

    def reset(self, url: str) -> None:
        names = ", ".join(f'"{t.name}"' for t in self.tables)
        with self.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            for table, rows in self.seed.items():
                if rows:
                    conn.execute(insert(table), rows)
                    if "id" in table.c:
                        conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                          f"(SELECT MAX(id) FROM \"{table.name}\"))"))

    def close(self) -> None:
        self.engine.dispose()
        with self.admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin_engine.dispose()


def make_template(tmp_folder: Path):
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return PostgresTemplate(url)
    return SqliteTemplate(tmp_folder)
