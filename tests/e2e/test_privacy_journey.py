"""A privacy officer exports everything about a person, requests their erasure, a second person
(the admin) confirms it, and both see it in the erasure ledger and the audit log. The journey
uses a candidate of its own, added and erased here, so other journeys' counts do not change."""

import io
import json
import re
import zipfile

import pytest

from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e
EMAIL = "nadia.vergeet@example.org"


def test_it_exports_and_erases_a_person_with_four_eyes(browser, live_server, tmp_path):  # type: ignore[no-untyped-def]
    admin = open_page(browser, live_server, email="admin@demo.searchlight.local", language="en")
    admin.goto("/candidates/new")
    admin.locator("#f-full_name").fill("Nadia Vergeet")
    admin.locator("#f-email").fill(EMAIL)
    admin.get_by_role("button", name="Save").click()
    admin.get_by_role("heading", name="Nadia Vergeet", level=1).wait_for()
    candidate_url = admin.url
    assert re.search(r"/candidates/\d+$", candidate_url)

    officer = open_page(browser, live_server, email="privacy@demo.searchlight.local",
                        language="en", phone=True)
    officer.goto("/privacy")
    officer.locator("#export-email").fill(EMAIL)
    with officer.expect_download() as download_info:
        officer.get_by_role("button", name="Download export").click()
    path = tmp_path / "export.zip"
    download_info.value.save_as(path)
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        data = json.loads(archive.read("export.json"))
    assert data["people"][0]["full_name"] == "Nadia Vergeet"
    assert any(e["action"] == "candidate.created" for e in data["audit_entries"])

    officer.locator("#erase-email").fill(EMAIL)
    officer.get_by_role("button", name="Request erasure").click()
    waiting = officer.locator(".waiting-erasures li").filter(has_text="Pim Privacy")
    waiting.wait_for()
    assert "Another person must confirm it." in waiting.inner_text()
    number = re.search(r"#(\d+)", waiting.inner_text()).group(1)  # type: ignore[union-attr]

    admin.goto("/privacy")
    admin.get_by_role("button", name=f"Confirm erasure #{number}").click()
    row = admin.locator("#ledger tbody tr").filter(has_text=f"#{number}")
    row.wait_for()
    assert "Request of the person" in row.inner_text()
    assert "Pim Privacy" in row.inner_text() and "Ada Admin" in row.inner_text()
    assert "Nadia" not in admin.locator("#ledger").inner_text()
    assert admin.request.get(candidate_url).status == 404

    officer.goto("/audit?action=gdpr")
    log = officer.locator("main").inner_text()
    assert "gdpr.erasure_requested" in log and "gdpr.erasure_carried_out" in log
    assert "gdpr.exported" in log
    admin.context.close()
    officer.context.close()
