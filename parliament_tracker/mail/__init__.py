"""Outgoing mail: an outbox in the database, delivered after the commit that queued it, retried from cron."""
