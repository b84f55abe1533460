"""What an import job does, in whichever process runs it: a preview into the import's RowStore, or the commit, each
answered as the job file's new state (import_jobs.write_job)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from flask_babel import gettext as _

from parliament_tracker.activities.import_writer import ImportConflict, ImportRefused, commit_import
from parliament_tracker.activities.imports import preview_import
from parliament_tracker.extensions import db


def run_preview(path: Path, filename: str, excluded, choices, store_path: Path, user_id, progress) -> dict:
    """Preview the upload into store_path; the page then reads the rows from there, a page at a time."""
    report = preview_import(path, filename, excluded=excluded, choices=choices, store_path=store_path,
                            progress=progress)
    report.store.close()
    return {"status": "done", "kind": "preview", "file_error": report.file_error,
            "refused": report.summary.errors + report.summary.ambiguous}


def run_commit(path: Path, filename: str, excluded, choices, store_path: Path, user_id, progress) -> dict:
    """Commit the upload as the person who asked (all or nothing). Refused rows make the job a preview again (its
    store shows them); a conflicting write fails the job with its message."""
    from parliament_tracker.auth.models import User

    by = db.session.get(User, user_id) if user_id is not None else None
    try:
        report = commit_import(path, filename, excluded=excluded, choices=choices, by=by, store_path=store_path,
                               progress=progress)
    except ImportRefused as refused:
        refused.report.store.close()
        return {"status": "done", "kind": "preview", "message": str(refused),
                "refused": refused.report.summary.errors + refused.report.summary.ambiguous}
    except ImportConflict as conflict:
        return {"status": "failed", "error": str(conflict)}
    report.store.close()
    return {"status": "done", "kind": "commit", "result": {"summary": asdict(report.summary),
                                                           "remembered": report.remembered}}


def unexpected_failure() -> str:
    return _("The import stopped on an unexpected error and wrote nothing; the error is in the server's log.")
