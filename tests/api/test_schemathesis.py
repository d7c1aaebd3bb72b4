"""Schemathesis over the served OpenAPI spec: generated requests never get a server error.

The schema is loaded from a live server (with --allow-ingest, over a copy of
the fixture ledger) on loopback; every operation is exercised with a bounded
number of generated cases, the POST with the bearer token so it reaches the
ingest code. Checks: no 5xx, and answers match the documented schemas.
"""

from __future__ import annotations

import schemathesis
from api_helpers import TOKEN
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

AUTH = {"Authorization": f"Bearer {TOKEN}"}
# POST runs the spaCy analysis and a consolidation per case: fewer of those.
GET_EXAMPLES = 25
POST_EXAMPLES = 8


CHECKS = [not_a_server_error, response_schema_conformance]


def _operations(server) -> list:
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    schema.config.base_url = server.url
    return [result.ok() for result in schema.get_all_operations()]


def _exercise(operation, examples: int, headers: dict[str, str]) -> None:
    # Driven through hypothesis directly (not schemathesis' pytest plugin), one
    # operation at a time, so each gets its own bounded number of cases.
    @given(case=operation.as_strategy())
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS, timeout=120)

    run()


def test_generated_requests_get_no_server_errors(ingest_server) -> None:
    operations = _operations(ingest_server)
    assert {op.method.upper() for op in operations} == {"GET", "POST"}
    for operation in operations:
        if operation.method.upper() == "POST":
            _exercise(operation, POST_EXAMPLES, AUTH)
        else:
            _exercise(operation, GET_EXAMPLES, {})
