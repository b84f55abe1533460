"""A chamber's own participation records as CSV rows (status columns only for those who may see them)."""

PUBLIC_HEADER = ("activity_ref", "activity_title", "area", "activity_type", "start_date", "end_date", "role",
                 "participants", "women")
PRIVATE_HEADER = PUBLIC_HEADER + ("status", "status_note")


def record_header(private: bool) -> tuple[str, ...]:
    return PRIVATE_HEADER if private else PUBLIC_HEADER


def record_rows(records, private: bool):
    """One row per record, in record_header(private) order (values: the CSV and XLSX writers make them safe)."""
    for r in records:
        values = [r.ref, r.title, r.area, r.activity_type, r.start, r.end, r.role, r.participants, r.women]
        if private:
            values += [r.status, r.status_note]
        yield values
