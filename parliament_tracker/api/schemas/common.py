"""Schemas every resource shares: paging parameters and the page envelope with its links and totals."""

from __future__ import annotations

import marshmallow as ma
from flask import request, url_for

MAX_PER_PAGE = 200
MAX_PAGE = 100_000
ID_MAX = 2**31 - 1  # a database INTEGER (numbers.py)


def whole(low: int, high: int) -> ma.validate.Range:
    """A bounded whole number, refused in the words the pages use."""
    return ma.validate.Range(low, high, error=f"Give a whole number from {low} to {high}.")


def row_id(what: str) -> ma.validate.Range:
    """A row id within the database's range; one out of it cannot exist."""
    return ma.validate.Range(1, ID_MAX, error=f"Not a valid choice: no such {what}.")


class PageQuery(ma.Schema):
    """page (from 1) and per_page (1 to 200, 50 unless given)."""

    page = ma.fields.Integer(load_default=1, validate=whole(1, MAX_PAGE),
                             metadata={"description": "the page, from 1"})
    per_page = ma.fields.Integer(load_default=50, validate=whole(1, MAX_PER_PAGE),
                                 metadata={"description": "items per page"})


class LinksSchema(ma.Schema):
    self = ma.fields.String(required=True, metadata={"description": "this page"})
    first = ma.fields.String(required=True)
    last = ma.fields.String(required=True)
    prev = ma.fields.String(required=True, allow_none=True, metadata={"description": "null on the first page"})
    next = ma.fields.String(required=True, allow_none=True, metadata={"description": "null on the last page"})


class PageSchema(ma.Schema):
    page = ma.fields.Integer(required=True)
    per_page = ma.fields.Integer(required=True)
    total = ma.fields.Integer(required=True, metadata={"description": "items in all pages"})
    pages = ma.fields.Integer(required=True, metadata={"description": "pages (at least 1)"})
    links = ma.fields.Nested(LinksSchema, required=True)


def page_schema(name: str, key: str, item) -> type[ma.Schema]:
    """A page of items under key: PageSchema's totals and links plus the list."""
    return PageSchema.from_dict({key: ma.fields.List(ma.fields.Nested(item), required=True)}, name=name)


def page_of(key: str, items: list, page: int, per_page: int, total: int | None = None) -> dict:
    """The page envelope of items (a slice of all of them when total is None, else already this page's)."""
    if total is None:
        total, items = len(items), items[(page - 1) * per_page:page * per_page]
    pages = max(1, -(-total // per_page))

    def link(number: int) -> str:
        args = {**request.args.to_dict(), "page": number, "per_page": per_page}
        return url_for(request.endpoint, **(request.view_args or {}), **args)

    return {"page": page, "per_page": per_page, "total": total, "pages": pages, key: items,
            "links": {"self": link(page), "first": link(1), "last": link(pages),
                      "prev": link(page - 1) if page > 1 else None,
                      "next": link(page + 1) if page < pages else None}}
