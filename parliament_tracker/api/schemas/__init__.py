"""The marshmallow schemas of the API: each parses a request's parameters or writes an answer, and is the same
object the OpenAPI document describes (api/spec.py)."""
