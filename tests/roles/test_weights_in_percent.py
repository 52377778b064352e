"""Weights in one unit: the form shows and takes percentages (decimal comma too), a save without
touching them changes nothing, and a total other than 100% is rescaled with a visible note."""

import copy
import re

from tests.roles.conftest import form_fields


def _weights(page: str) -> dict[str, str]:
    return dict(re.findall(r'name="(\w+)\.weight" value="([^"]*)"', page))


def test_it_shows_weights_as_percentages_in_the_form(as_alice, prompt_engineer):  # type: ignore[no-untyped-def]
    as_alice.client.cookies.set("searchlight_locale", "nl")
    page = as_alice.get("/roles/prompt-engineer/edit").text
    weights = _weights(page)
    assert "Gewicht (%)" in page
    total = sum(float(v.replace(",", ".")) for v in weights.values())
    assert abs(total - 100) < 0.5, weights


def test_it_changes_nothing_when_the_shown_percentages_are_saved(as_alice, prompt_engineer, db):  # type: ignore[no-untyped-def]
    profile = copy.deepcopy(prompt_engineer.versions[0].profile)
    fields = form_fields(profile)
    fields.update({f"{k}.weight": v for k, v in _weights(
        as_alice.get("/roles/prompt-engineer/edit").text).items()})
    response = as_alice.post("/roles/prompt-engineer/edit", data=fields,
                             follow_redirects=False)
    assert response.status_code == 303 and "rescaled" not in response.headers["location"]
    db.refresh(prompt_engineer)
    assert prompt_engineer.current_version == 1


def test_it_takes_a_decimal_comma_and_says_when_it_rescales(as_alice, prompt_engineer, db):  # type: ignore[no-untyped-def]
    profile = copy.deepcopy(prompt_engineer.versions[0].profile)
    fields = form_fields(profile)
    for key in ("skills", "experience", "attitude", "results", "cognitive", "habits"):
        fields[f"{key}.weight"] = "10"
    fields["skills.weight"] = "0,9"  # a fraction typed by habit: 0.9 %, not 90 %
    as_alice.client.cookies.set("searchlight_locale", "nl")
    response = as_alice.post("/roles/prompt-engineer/edit", data=fields)
    assert response.status_code == 200
    note = re.search(r'<p class="alert alert-warn" role="status" id="rescaled-note">(.*?)</p>',
                     response.text, re.S)
    assert note, "no rescale note"
    text = " ".join(note.group(1).split())
    assert "tellen op tot 50,9%" in text and "omgerekend naar 100%" in text
    assert "Vaardigheden 2%" in text and "Ervaring 20%" in text
