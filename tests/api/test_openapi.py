"""The OpenAPI document: valid OpenAPI 3.1 (openapi-spec-validator), describing every API route with its
parameters, error answers and security, and served with its reference page from the app itself."""

from __future__ import annotations

import re

from openapi_spec_validator import validate
from openapi_spec_validator.validation.validators import OpenAPIV31SpecValidator

ERRORS = {"400", "401", "403", "404"}


def _document(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.is_json
    return response.get_json()


def test_the_document_is_valid_openapi_3_1(client):
    document = _document(client)
    assert document["openapi"] == "3.1.0"
    validate(document, cls=OpenAPIV31SpecValidator)


MACHINE_PATHS = ("/api/v1/", "/data/")


def test_every_api_route_is_described(app, client):
    """Every route under /api/v1 (but the document and its page), the open data files under /data/ and /healthz
    is in the document."""
    paths = _document(client)["paths"]
    routes = {re.sub(r"<(?:[^>]*:)?(\w+)>", r"{\1}", rule.rule) for rule in app.url_map.iter_rules()
              if (rule.rule.startswith(MACHINE_PATHS) or rule.rule == "/healthz")
              and rule.endpoint.split(".")[0] != "apidocs"}
    assert {"/data/datapackage.json", "/data/{name}.{fmt}", "/api/v1/iati/activities.xml"} <= routes
    assert routes == set(paths), routes ^ set(paths)


def test_the_open_data_files_are_described_with_their_media_types(client):
    paths = _document(client)["paths"]
    table = paths["/data/{name}.{fmt}"]
    params = {p["name"]: p["schema"] for p in table["parameters"]}
    assert params["fmt"]["enum"] == ["csv", "xlsx"] and "participations" in params["name"]["enum"]
    answers = table["get"]["responses"]
    assert set(answers["200"]["content"]) == {
        "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    assert {"400", "401", "404"} <= set(answers)
    package = paths["/data/datapackage.json"]["get"]["responses"]["200"]["content"]["application/json"]
    assert package["schema"] == {"$ref": "#/components/schemas/DataPackage"}
    assert "application/xml" in paths["/api/v1/iati/activities.xml"]["get"]["responses"]["200"]["content"]


def test_an_unknown_table_is_the_one_error_body(client):
    for path in ("/data/users.csv", "/data/chambers.json", "/data/chambers.csv?hxl=2"):
        response = client.get(path)
        assert response.status_code in (400, 404) and response.is_json, path
        assert set(response.get_json()) == {"status", "code", "error", "fields"}, path


def test_every_operation_documents_its_errors_security_and_summary(client):
    document = _document(client)
    assert set(document["components"]["securitySchemes"]) == {"session", "bearer"}
    error = document["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"status", "code", "error", "fields"}
    for path, item in document["paths"].items():
        operation = item["get"]
        assert operation.get("summary"), path
        assert "security" in operation, path
        for status in set(operation["responses"]) & ERRORS:
            schema = operation["responses"][status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Error"}, (path, status)
        if path != "/healthz":
            assert "401" in operation["responses"], path  # a bad token is a 401 everywhere


def test_parameters_carry_their_ranges_and_enums(client):
    paths = _document(client)["paths"]
    params = {p["name"]: p["schema"] for p in paths["/api/v1/activities"]["get"]["parameters"]}
    assert (params["per_page"]["minimum"], params["per_page"]["maximum"]) == (1, 200)
    assert "workshop" in params["activity_type"]["enum"] and "start_desc" in params["sort"]["enum"]
    coverage = {p["name"]: p["schema"] for p in paths["/api/v1/coverage"]["get"]["parameters"]}
    assert (coverage["from"]["minimum"], coverage["to"]["maximum"]) == (1900, 2100)
    assert "Africa" in coverage["region"]["enum"] and "high" in coverage["income_group"]["enum"]
    staff = paths["/api/v1/activities"]["get"]
    assert staff["security"] == [{"session": []}, {"bearer": []}] and "403" in staff["responses"]


def test_the_reference_page_is_served_locally(client):
    page = client.get("/api/v1/docs")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "/api/v1/openapi.json" in html
    scripts = [part.split('"')[1] for part in html.split("<script src=")[1:]]
    assert scripts and all(src.startswith("/assets/") for src in scripts)
    for src in scripts:
        assert client.get(src).status_code == 200


def test_a_refused_parameter_is_the_one_error_body(client):
    response = client.get("/api/v1/coverage/matrix?per_page=0&from=x")
    body = response.get_json()
    assert response.status_code == 400 and set(body) == {"status", "code", "error", "fields"}
    assert body["code"] == "bad_request" and set(body["fields"]) == {"per_page", "from"}


def test_the_document_is_printed_without_a_server(runner):
    result = runner.invoke(args=["openapi", "print"])
    assert result.exit_code == 0 and '"openapi": "3.1.0"' in result.output
