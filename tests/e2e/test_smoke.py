import pytest

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e


def test_it_logs_in_and_switches_language(page):
    log_in(page, "recruiter@demo.searchlight.local")
    assert page.locator("h1").inner_text().startswith("Welkom")
    page.select_option("#locale-select", "en")
    page.wait_for_load_state()
    page.locator("h1", has_text="Welcome").wait_for()
    page.reload()
    assert page.locator("h1").inner_text().startswith("Welcome")
