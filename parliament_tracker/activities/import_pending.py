"""The person's pending import as the pages see it: its upload, its answers, its job, and the preview its job
left in the RowStore, started again when the answers changed since."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from flask import session

from parliament_tracker.activities import import_jobs, uploads
from parliament_tracker.activities.import_review import build_resolver
from parliament_tracker.activities.imports import ImportReport, load_report

SESSION_KEY = "import_upload"


@dataclass
class Pending:
    """A pending import: token, file name and upload path; job is its job file's state."""

    token: str
    filename: str
    path: Path
    job: dict | None

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job["status"] in ("queued", "running")

    @property
    def current(self) -> bool:
        """True when the job's preview was made with the answers given so far."""
        return (self.job is not None and self.job["status"] == "done" and self.job.get("kind") == "preview"
                and self.job.get("digest") == import_jobs.digest(uploads.load_state(self.token)))


def pending_import() -> Pending | None:
    """This person's pending upload, or None when there is none (or it expired)."""
    stored = session.get(SESSION_KEY) or {}
    path = uploads.upload_path(stored.get("token"))
    if path is None:
        return None
    return Pending(stored["token"], stored.get("filename", "upload"), path, import_jobs.read_job(stored["token"]))


def begin(storage, user_id) -> Pending:
    """Keep a new upload (the person's earlier one is discarded) and start its preview."""
    uploads.discard((session.get(SESSION_KEY) or {}).get("token"))
    filename = (storage.filename or "upload")[-200:]
    token = uploads.save_upload(storage)
    session[SESSION_KEY] = {"token": token, "filename": filename}
    return refresh(Pending(token, filename, uploads.upload_path(token), None), user_id, force=True)


def refresh(pending: Pending, user_id, force: bool = False) -> Pending:
    """The preview brought up to date with the answers: started again (at once or as a job) when it is not."""
    if force or not (pending.busy or pending.current or pending.job and pending.job["status"] == "failed"):
        pending.job = import_jobs.start("preview", pending.token, pending.filename, user_id)
    return pending


def commit(pending: Pending, user_id) -> Pending:
    pending.job = import_jobs.start("commit", pending.token, pending.filename, user_id)
    return pending


def report_of(pending: Pending) -> ImportReport | None:
    """The finished preview of the pending import, with a Resolver for the page's choices (None: none yet)."""
    try:
        report = load_report(uploads.sibling(pending.token, ".rows.sqlite"))
    except (sqlite3.Error, KeyError):
        return None
    report.resolver = build_resolver()
    return report


def finish(pending: Pending) -> None:
    """Forget the pending import once committed: its files go."""
    uploads.discard(pending.token)
    session.pop(SESSION_KEY, None)
