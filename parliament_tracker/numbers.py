"""Whole numbers read from URLs and forms, kept inside the database's integer range."""

# The range of a database INTEGER column (PostgreSQL's, and what SQLite's driver accepts comfortably): a number
# outside it must never reach the database as a parameter, where it is an OverflowError or a DataError (a 500).
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def parse_id(value) -> int | None:
    """A row id from a URL or form value: ASCII digits within the database range, otherwise None."""
    text = str(value if value is not None else "").strip()
    if not text or not text.isascii() or not text.isdigit() or len(text) > 10 or int(text) > INT_MAX:
        return None
    return int(text)


def is_id(value) -> bool:
    """Whether value reads as a row id (see parse_id)."""
    return parse_id(value) is not None
