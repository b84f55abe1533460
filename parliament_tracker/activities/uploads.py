"""Uploaded spreadsheets kept between preview and commit: files under IMPORT_DIR (instance/imports) named by a
random token: the upload (`.upload`), the answers given so far (`.state.json`), the preview's rows (`.rows.sqlite`,
import_store) and its job's progress (`.job.json`, import_jobs).

The token lives in the signed session cookie, so only the person who uploaded a file can commit it; the file
itself never goes into the cookie. Files older than a day are removed at the next upload, the rest at commit."""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path

from flask import current_app

MAX_AGE_SECONDS = 24 * 3600
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


SUFFIXES = (".upload", ".state.json", ".rows.sqlite", ".job.json")


def _folder() -> Path:
    folder = Path(current_app.config.get("IMPORT_DIR") or Path(current_app.instance_path) / "imports")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sweep(folder: Path) -> None:
    limit = time.time() - MAX_AGE_SECONDS
    for old in [p for suffix in SUFFIXES for p in folder.glob(f"*{suffix}")]:
        if old.stat().st_mtime < limit:
            old.unlink(missing_ok=True)


def save_upload(storage) -> str:
    """Stream the uploaded file to disk and return its token."""
    folder = _folder()
    _sweep(folder)
    token = secrets.token_urlsafe(24)
    storage.save(folder / f"{token}.upload")
    return token


def upload_path(token: str | None) -> Path | None:
    """The stored file for token, or None when the token is malformed or its file is gone."""
    if not token or not TOKEN.match(token):
        return None
    path = _folder() / f"{token}.upload"
    return path if path.exists() else None


def sibling(token: str, suffix: str) -> Path:
    """The file of this import with that suffix (rows store, job), whether or not it exists yet."""
    return _folder() / f"{token}{suffix}"


def discard(token: str | None) -> None:
    path = upload_path(token)
    if path is not None:
        for suffix in SUFFIXES:
            path.with_suffix(suffix).unlink(missing_ok=True)


def load_state(token: str | None) -> dict:
    """What the person decided in the preview so far (choices, excluded rows), kept beside the upload."""
    path = upload_path(token)
    state_path = path.with_suffix(".state.json") if path is not None else None
    if state_path is None or not state_path.exists():
        return {"choices": [], "excluded": []}
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
    except ValueError:
        return {"choices": [], "excluded": []}
    return {"choices": list(state.get("choices", [])), "excluded": list(state.get("excluded", []))}


def save_state(token: str, state: dict) -> None:
    path = upload_path(token)
    if path is not None:
        temporary = path.with_suffix(".state.tmp")
        temporary.write_text(json.dumps(state), encoding="utf-8")
        temporary.replace(path.with_suffix(".state.json"))
