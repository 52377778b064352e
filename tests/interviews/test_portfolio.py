from searchlight.interviews import service
from tests.interviews.factories import setting


def test_it_keeps_versions_and_finds_items_by_text(db, as_alice, alice):
    _role, candidate = setting(db)
    response = as_alice.post(f"/candidates/{candidate.id}/portfolio", data={
        "title": "Claims triage prompt", "kind": "prompt", "language": "en",
        "dimension": "skills", "text": "You triage insurance claims. Think step by step."},
        follow_redirects=False)
    assert response.status_code == 303
    first = service.portfolio_of(db_session=db, candidate=candidate)[0]
    service.add_portfolio_item(db_session=db, actor=alice, candidate=candidate, kind="prompt",
                               title="Claims triage prompt", language="en",
                               text="You triage claims; cite the policy clause.",
                               item_key=first.item_key)
    items = service.portfolio_of(db_session=db, candidate=candidate)
    assert len(items) == 1 and items[0].version == 2
    assert len(service.portfolio_versions(db_session=db, item_key=first.item_key)) == 2
    found = as_alice.get("/portfolio", params={"q": "policy clause"})
    assert found.status_code == 200 and "Claims triage prompt" in found.text
    assert "No portfolio items found." in as_alice.get("/portfolio", params={"q": "zzz"}).text
    picture = as_alice.get(f"/candidates/{candidate.id}/search-picture")
    assert "Portfolio: 1" in picture.text


def test_it_shows_a_hiring_manager_only_portfolios_of_own_candidates(db, as_bob, alice):
    _role, candidate = setting(db)
    service.add_portfolio_item(db_session=db, actor=alice, candidate=candidate, kind="code",
                               title="Agent tool with tests", language="python",
                               text="def f(): ...")
    assert "Agent tool with tests" not in as_bob.get("/portfolio", params={"q": "agent"}).text


def test_it_refuses_an_employee_the_portfolio(db, as_charlie):
    assert as_charlie.get("/portfolio").status_code == 403
