import pytest

from tests.e2e.conftest import log_in, use_language

pytestmark = pytest.mark.e2e


def test_it_logs_in_and_switches_language(page):
    log_in(page, "manager@demo.searchlight.local")
    use_language(page, "nl")
    page.locator("h1", has_text="Welkom").wait_for()
    use_language(page, "en")
    page.locator("h1", has_text="Welcome").wait_for()
    page.reload()
    assert page.locator("h1").inner_text().startswith("Welcome")
    assert page.locator("html").get_attribute("lang") == "en"
