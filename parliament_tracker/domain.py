"""The domain errors every feature shares: a rule a user can break, and an edit made on a stale version."""


class DomainError(ValueError):
    """A rule a user can break; field names the form field the message belongs next to (None: the whole form).

    Each feature subclasses it (ActivityError, AccountError, ProfileError); a view maps it onto the form
    (`parliament_tracker.pages.form_page`), the API onto the JSON error body.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class StaleEdit(DomainError):
    """Someone saved the record after the form was opened; the save is refused, never merged silently."""
