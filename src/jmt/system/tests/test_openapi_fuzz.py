"""A short schemathesis run over the whole published API, as a merchant and as a back-office admin.

Every operation gets a few generated requests — valid ones and deliberately invalid ones — sent
through Django's WSGI application in-process (no live server). The run fails on any 5xx and on any
answer that does not match the response schema (or content type) the API publishes. The seed is fixed
(``derandomize``), so a failure found once is found again; the number of examples per operation is
bounded (``JMT_FUZZ_EXAMPLES``, default below) so both runs together stay within a few minutes of CPU.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from jmt.accounts.models import User
from jmt.accounts.tokens import issue_tokens
from jmt.api import api as ninja_api

pytestmark = pytest.mark.django_db(transaction=False)

EXAMPLES = int(os.environ.get("JMT_FUZZ_EXAMPLES", "20"))


def no_undocumented_server_error(ctx: Any, response: Any, case: Any) -> bool | None:
    """Any 5xx fails, except one the operation documents (``/health`` answers 503 with no task worker)."""
    if str(response.status_code) in case.operation.definition.raw.get("responses", {}):
        return None
    return not_a_server_error(ctx, response, case)


CHECKS = [no_undocumented_server_error, response_schema_conformance, content_type_conformance]
# A server-sent event stream never ends: it cannot be fuzzed by waiting for its answer.
SKIPPED = {("GET", "/api/v1/notifications/stream")}


def _schema() -> Any:
    from jmt.wsgi import application

    schema = schemathesis.openapi.from_dict(ninja_api.get_openapi_schema())
    schema.app = application
    return schema


def _fuzz(user: User, *, only: str = "") -> list[str]:
    """Failures per operation. Each request carries a fresh token (a fuzzed logout ends only its own session)."""
    failures: list[str] = []
    for result in _schema().get_all_operations():
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SKIPPED or not operation.path.startswith(only):
            continue
        strategy = st.one_of(
            operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
            operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
        )

        @given(case=strategy)
        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Any) -> None:
            response = case.call(headers={"Authorization": f"Bearer {issue_tokens(user, remember=False).access}"})
            case.validate_response(response, checks=CHECKS)

        try:
            run()
        except Exception as exc:  # every failure is collected and reported together
            failures.append(f"{operation.method.upper()} {operation.path}: {str(exc)[:1500]}")
    return failures


@pytest.fixture
def _any_host(settings: Any) -> Iterator[None]:
    """The WSGI app served in-process, inside the test's transaction (as Django's test client does)."""
    settings.ALLOWED_HOSTS = ["*"]
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.mark.usefixtures("_any_host")
def test_the_whole_api_answers_a_merchant_without_5xx_or_schema_mismatch(merchant_admin):
    failures = _fuzz(merchant_admin)
    assert not failures, "\n\n".join(failures)


@pytest.mark.usefixtures("_any_host")
def test_the_whole_api_answers_an_admin_without_5xx_or_schema_mismatch(superadmin):
    failures = _fuzz(superadmin)
    assert not failures, "\n\n".join(failures)
