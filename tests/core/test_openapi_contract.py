"""schemathesis against the OpenAPI document, through the app in process: no request the
document allows may end in a server error, and every answer matches the document."""

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks

from searchlight.auth import service as auth_service

EXAMPLES = 15
# No server error, and the status, content type, headers and body are the documented ones.
# (Not "positive data accepted": some rules, such as all six SEARCH dimensions in a role, are
# checked by the service and answered with a documented 422.)
CHECKS = [checks.not_a_server_error, checks.status_code_conformance,
          checks.content_type_conformance, checks.response_headers_conformance,
          checks.response_schema_conformance]


def test_the_api_keeps_its_contract(app, db, dora):  # type: ignore[no-untyped-def]
    token = auth_service.create_api_token(db_session=db, user=dora, name="schemathesis")
    db.commit()
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case):  # type: ignore[no-untyped-def]
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

        call()
