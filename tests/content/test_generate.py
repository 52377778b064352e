"""The offline engine and the service: texts with versions, edits, approval, outdated texts."""

import pytest

from searchlight.content import inclusive, service
from searchlight.content.models import ContentText
from searchlight.content.offline import LIMITS, posts
from searchlight.errors import Forbidden, InvalidInput
from searchlight.governance.models import AuditEntry
from searchlight.roles import service as roles
from searchlight.roles.schemas import RoleProfile


def test_it_writes_a_dutch_vacancy_text_with_every_section(seeded, ml_engineer, alice):
    text = service.generate(db_session=seeded, actor=alice, role=ml_engineer, kind="vacancy",
                            language="nl")
    version = text.versions[-1]
    assert (version.engine_name, version.engine_model) == ("offline", "offline-templates-v1")
    assert version.role_version == 1 and version.title == "Machine Learning Engineer"
    body = version.body
    for heading in ("## De klus", "## Wat ga je doen?", "## Wat breng je mee?",
                    "### Dit is echt nodig", "### Mooi meegenomen", "## Wat bieden wij?",
                    "## Hoe solliciteer je?", "## Hoe we AI gebruiken in de selectie"):
        assert heading in body
    must, nice = body.split("### Dit is echt nodig")[1].split("### Mooi meegenomen")
    assert "Python en PyTorch" in must and "2-4 jaar hands-on ML" in must
    assert "Vector databases" in nice.split("##")[0] and "Python" not in nice.split("##")[0]
    assert "Polderzekerheid" in body and "een mens van ons team neemt altijd het besluit" in body
    # The organisation's own 'jong en dynamisch team' is caught by the check.
    findings = inclusive.check_text(body, language="nl")
    assert any(f.category == "age" and "jong" in f.text.lower() for f in findings)


def test_it_writes_the_same_text_for_the_same_role(seeded, ml_engineer):
    version = roles.get_current_version(db_session=seeded, role_id=ml_engineer.id)
    first = service.write_text(db_session=seeded, role=ml_engineer, version=version,
                               kind="onboarding", language="en")
    again = service.write_text(db_session=seeded, role=ml_engineer, version=version,
                               kind="onboarding", language="en")
    assert first[0] == again[0] and first[1].text == again[1].text
    assert (first[1].engine_name, first[1].engine_model) == ("offline", "offline-templates-v1")
    body = first[1].text
    for heading in ("## First day", "## First week", "## Day 30", "## Day 60", "## Day 90",
                    "## Buddy", "## Learning"):
        assert heading in body


def test_it_keeps_social_posts_within_each_platform_limit(seeded, ml_engineer):
    version = roles.get_current_version(db_session=seeded, role_id=ml_engineer.id)
    brief = service.brief_for(db_session=seeded, role=ml_engineer, version=version,
                              language="nl")
    long_profile = RoleProfile.model_validate({**version.profile, "jtbd_nl": "x " * 900})
    for post in posts(brief) + posts(brief.__class__(long_profile, brief.organisation, "nl")):
        assert 2 <= len(post.headlines) <= 3
        assert post.longest() <= LIMITS[post.platform]


def test_it_makes_a_new_version_per_edit_and_approves_only_the_current(seeded, ml_engineer,
                                                                        alice):
    text = service.generate(db_session=seeded, actor=alice, role=ml_engineer, kind="vacancy",
                            language="en")
    first = text.versions[0]
    assert service.save_edit(db_session=seeded, actor=alice, text=text, title=first.title,
                             body=first.body) is None
    edited = service.save_edit(db_session=seeded, actor=alice, text=text, title="ML Engineer",
                               body=first.body + "\nExtra.", change_note="shorter title")
    assert edited is not None and edited.number == 2 and edited.origin == "edited"
    assert edited.engine_name == "offline" and edited.role_version == 1
    with pytest.raises(InvalidInput):
        service.approve(db_session=seeded, actor=alice, text=text, number=1)
    service.approve(db_session=seeded, actor=alice, text=text, number=2)
    assert text.status == "approved" and text.approved_by_id == alice.id
    entries = seeded.query(AuditEntry).filter_by(target_type="content_text")
    actions = [e.action for e in entries.order_by(AuditEntry.id)]  # no order is no order on PG
    assert actions == ["content.generated", "content.edited", "content.approved"]


def test_it_says_when_a_text_comes_from_an_older_role_version(seeded, ml_engineer, alice):
    text = service.generate(db_session=seeded, actor=alice, role=ml_engineer, kind="social",
                            language="nl")
    assert not service.made_from_older_role(text, text.versions[-1])
    profile = roles.profile_of(roles.get_current_version(db_session=seeded,
                                                         role_id=ml_engineer.id))
    roles.update_role(db_session=seeded, actor=alice, role=ml_engineer,
                      profile=profile.model_copy(update={"jtbd_nl": "Iets anders."}),
                      hiring_manager_id=None)
    assert service.made_from_older_role(text, text.versions[-1])
    again = service.generate(db_session=seeded, actor=alice, role=ml_engineer, kind="social",
                             language="nl")
    assert again.id == text.id and again.versions[-1].role_version == 2


def test_it_refuses_employees_and_limits_hiring_managers_to_their_roles(
        seeded, ml_engineer, alice, bob, charlie):
    text = service.generate(db_session=seeded, actor=alice, role=ml_engineer, kind="vacancy",
                            language="nl")
    with pytest.raises(Forbidden):
        service.get_text_for_user(db_session=seeded, user=charlie, text_id=text.id)
    with pytest.raises(Forbidden):
        service.get_text_for_user(db_session=seeded, user=bob, text_id=text.id)
    ml_engineer.hiring_manager_id = bob.id
    seeded.flush()
    assert service.get_text_for_user(db_session=seeded, user=bob, text_id=text.id) is text
    assert service.list_texts_for_user(db_session=seeded, user=bob) == [text]
    with pytest.raises(Forbidden):
        service.get_text_for_user(db_session=seeded, user=bob, text_id=text.id, write=True)
    with pytest.raises(Forbidden):
        service.generate(db_session=seeded, actor=bob, role=ml_engineer, kind="vacancy",
                         language="nl")
    assert seeded.query(ContentText).count() == 1


def test_it_refuses_an_unknown_kind_or_language(seeded, ml_engineer, alice):
    for kind, language in (("poem", "nl"), ("vacancy", "de")):
        with pytest.raises(InvalidInput):
            service.generate(db_session=seeded, actor=alice, role=ml_engineer, kind=kind,
                             language=language)
