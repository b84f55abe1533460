"""The staff screens' tables as rows for CSV and XLSX: the dispute queue and the feedback summaries."""

from __future__ import annotations

from parliament_tracker.labels import label

QUEUE_HEADER = ["received", "chamber", "kind", "activity", "note"]
FEEDBACK_HEADER = ["by", "key", "label", "responses", "mean_usefulness", "follow_up_requests"]


def queue_rows(reports) -> tuple[list[str], list[list]]:
    """One row per open report, as the queue shows it."""
    return QUEUE_HEADER, [[r.created_at.strftime("%Y-%m-%d"), r.chamber.code, r.kind,
                           r.activity.title if r.activity else r.missing_activity, r.note] for r in reports]


def feedback_rows(by_area, by_type, by_activity) -> tuple[list[str], list[list]]:
    """The three summaries one under the other, each row saying which it belongs to."""
    rows = []
    for by, summaries in (("area", by_area), ("type", by_type), ("activity", by_activity)):
        for s in summaries:
            name = label("activity_type", s.label) if by == "type" else s.label
            rows.append([by, s.key, name, s.responses, "" if s.mean_usefulness is None else s.mean_usefulness,
                         s.follow_up_requests])
    return FEEDBACK_HEADER, rows
