"""Static files under fingerprinted URLs (/assets/<digest>/<path>), gzip-compressed, cached for a year: the app's
own and Bootstrap's (from Bootstrap-Flask's package, under "bootstrap/"), so a repeat visit asks for none of them.

The digest is the start of the file's SHA-256, so a changed file gets a new URL and a browser may keep the old
one forever ("immutable"). The digest is a path segment rather than part of the file name so that plotly can
be pointed at a folder (topojsonURL) and still ask for "world_50m.json". Files are compressed once per process,
in memory: no build step, no generated files to keep in step with their sources.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from pathlib import Path

from flask import Response, abort, current_app, request, url_for
from werkzeug.security import safe_join

YEAR = 31536000
COMPRESSIBLE = (".js", ".css", ".json", ".svg", ".txt", ".map")
_digests: dict[str, str] = {}
_gzipped: dict[str, bytes] = {}
_lock = threading.Lock()


BOOTSTRAP = "bootstrap/"  # files of Bootstrap-Flask's own static folder (the local Bootstrap), under this prefix


def _path(filename: str) -> Path:
    folder = current_app.static_folder
    if filename.startswith(BOOTSTRAP):
        folder, filename = current_app.blueprints["bootstrap"].static_folder, filename[len(BOOTSTRAP):]
    joined = safe_join(folder, filename)
    if joined is None or not Path(joined).is_file():
        abort(404)
    return Path(joined)


def digest(filename: str) -> str:
    """The fingerprint of a static file (computed once per process)."""
    if filename not in _digests:
        with _lock:
            _digests[filename] = hashlib.sha256(_path(filename).read_bytes()).hexdigest()[:12]
    return _digests[filename]


def asset_url(filename: str) -> str:
    """The fingerprinted URL of a file in the static folder (or, as "bootstrap/...", in Bootstrap-Flask's)."""
    return url_for("dashboards.asset", digest=digest(filename), filename=filename)


def asset_folder_url(filename: str) -> str:
    """The fingerprinted URL of the folder holding filename (with a trailing slash), for plotly's topojsonURL."""
    return asset_url(filename).rsplit("/", 1)[0] + "/"


def _body(filename: str, compress: bool) -> bytes:
    if not compress:
        return _path(filename).read_bytes()
    if filename not in _gzipped:
        data = gzip.compress(_path(filename).read_bytes(), compresslevel=9, mtime=0)
        with _lock:
            _gzipped[filename] = data
    return _gzipped[filename]


def asset_response(fingerprint: str, filename: str) -> Response:
    """The file, gzipped when the client accepts it; cached for a year when the fingerprint is current."""
    current = digest(filename)
    compress = filename.endswith(COMPRESSIBLE) and "gzip" in request.headers.get("Accept-Encoding", "")
    mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = Response(_body(filename, compress), mimetype=mimetype)
    if compress:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["ETag"] = f'"{current}{"-gz" if compress else ""}"'
    response.headers["Cache-Control"] = (f"public, max-age={YEAR}, immutable" if fingerprint == current
                                         else "no-cache")
    return response.make_conditional(request)


COMPRESSED_TYPES = {"text/html", "text/css", "text/csv", "application/json", "application/javascript",
                    "text/javascript", "image/svg+xml"}
# a chamber's profile (HTML 36 KiB at full size, 7 gzipped) and its JSON too: parliaments on slow links read them
COMPRESSED_ENDPOINTS = {"static", "bootstrap.static", "api.coverage", "profiles.detail", "profiles.printable",
                        "api.profile_detail"}


def compress_response(response: Response) -> Response:
    """gzip the dashboard pages, /api/v1/coverage, the chamber profiles and the plain static files (Bootstrap's
    among them) when the client accepts it: the dashboard's HTML carries its figures' numbers and is mostly repetition."""
    if not (request.blueprint == "dashboards" or request.endpoint in COMPRESSED_ENDPOINTS):
        return response
    if (response.status_code != 200 or "Content-Encoding" in response.headers
            or response.mimetype not in COMPRESSED_TYPES or "gzip" not in request.headers.get("Accept-Encoding", "")):
        return response
    response.direct_passthrough = False
    data = response.get_data()
    if len(data) < 1024:
        return response
    response.set_data(gzip.compress(data, compresslevel=6))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    etag, weak = response.get_etag()
    if etag:  # the same entity in another encoding: a weak validator, as nginx does
        response.set_etag(etag, weak=True)
    return response
