"""Anonymisation of names and places: without the candidate's identity (name lines, labels,
lists, e-mail hints), with it (every partial form), and the job content that must survive."""

from __future__ import annotations

import pytest

from searchlight.anonymise import KnownIdentity, anonymise


def found(text: str, **options: object) -> set[tuple[str, str]]:
    redaction = anonymise(text, **options)  # type: ignore[arg-type]
    return {(entity.type, text[entity.start:entity.end]) for entity in redaction.entities}


def persons(text: str, **options: object) -> set[str]:
    return {value for kind, value in found(text, **options) if kind == "PERSON"}


# --- names without a known identity ----------------------------------------------------------

@pytest.mark.parametrize("header, name", [
    ("Sanne van den Berg\nSenior Data Scientist\n", "Sanne van den Berg"),
    ("Curriculum Vitae\n\nThirza Zandkamp\nML Engineer\n", "Thirza Zandkamp"),
    ("CURRICULUM VITAE\nJAN-WILLEM TER HORST\n", "JAN-WILLEM TER HORST"),
    ("Data Scientist\nWessel Vreestra\n", "Wessel Vreestra"),
    ("Marloes Hoogkamp | AI Engineer | Utrecht\n", "Marloes Hoogkamp"),
    ("ir. Jeroen Bakhuizen MSc\n", "Jeroen Bakhuizen"),
    ("CV – Floor in 't Veld\n", "Floor in 't Veld"),
    ("Jolijn Terboer Data Scientist\n", "Jolijn Terboer"),
])
def test_it_finds_the_name_line_of_a_dutch_cv(header: str, name: str) -> None:
    assert name in persons(header + "Profiel\nIk bouw modellen in Python.")


@pytest.mark.parametrize("header, name", [
    ("Oliver James Ashworth\nMachine Learning Engineer\n", "Oliver James Ashworth"),
    ("Resume\nNiamh O'Connor-Blackwood\n", "Niamh O'Connor-Blackwood"),
    ('Declan "Dec" Fairhurst\nPrompt Engineer\n', 'Declan "Dec" Fairhurst'),
    ("Dr. Imogen Radcombe PhD\n", "Imogen Radcombe"),
])
def test_it_finds_the_name_line_of_an_english_cv(header: str, name: str) -> None:
    assert name in persons(header + "Profile\nI build models in Python.")


def test_it_does_not_take_a_job_title_or_heading_for_a_name() -> None:
    assert not persons("Senior Machine Learning Engineer\nWerkervaring\n2019 – heden bij ASML")
    assert not persons("Education Details\nMaharashtra Pune University, B.Tech")


@pytest.mark.parametrize("text, name", [
    ("Personalia\nNaam: Chayenne Wolterink\nWoonplaats: Zwolle", "Chayenne Wolterink"),
    ("Naam kandidaat: Bo Terdijk", "Bo Terdijk"),
    ("Full name: Rowan Kilbrook", "Rowan Kilbrook"),
    ("Naam\nIlona Stroomans", "Ilona Stroomans"),
    ("Voornaam: Shanti", "Shanti"),
    ("Referenties\n- Peter de Groot, Teamleider bij ASML\n• Ayoub Benali (CTO)", "Ayoub Benali"),
    ("Referent: Wessel Hazelaar – Head of AI", "Wessel Hazelaar"),
    ("Met vriendelijke groet,\n\nXander Westerkes", "Xander Westerkes"),
    ("Mijn naam is Çağla Doğan en ik heb 5 jaar ervaring.", "Çağla Doğan"),
    ("I am Zoë, an engineer from Leeds.", "Zoë"),
])
def test_it_finds_names_after_labels_and_phrases(text: str, name: str) -> None:
    assert name in persons(text)


@pytest.mark.parametrize("text, name", [
    ("- Samen met Jasmijn Hoekstra een platform opgezet.", "Jasmijn Hoekstra"),
    ("- Reporting to Crispin Bradstead, Head of Data.", "Crispin Bradstead"),
    ("Scriptie onder begeleiding van prof. dr. Anna Bakker.", "Anna Bakker"),
    ("Worked with Peter Jansen and Niamh Hughes on the feature store.", "Niamh Hughes"),
    ("Stage onder leiding van J.P. van der Linden", "J.P. van der Linden"),
])
def test_it_finds_other_peoples_names_in_running_text(text: str, name: str) -> None:
    assert name in persons(text)


def test_it_finds_a_name_spelled_in_the_email_address() -> None:
    text = "Contact\nMirthe Eschbroek\nm.eschbroek@ziggo.nl\n\nMirthe leidt het datateam."
    assert persons(text) == {"Mirthe Eschbroek", "Mirthe"}


def test_it_finds_every_later_mention_of_a_found_name() -> None:
    text = ("Sanne van den Berg-Bakker\nData Scientist\n\nProfiel\nSanne is gedreven. "
            "Referentie over S. van den Berg-Bakker: zie LinkedIn.\n\nCV SANNE VAN DEN BERG-BAKKER")
    assert persons(text) >= {"Sanne van den Berg-Bakker", "Sanne", "S. van den Berg-Bakker",
                             "SANNE VAN DEN BERG-BAKKER"}


def test_it_finds_the_name_in_a_page_footer() -> None:
    assert "Quincy Terwerf" in persons("Profiel\nIk bouw modellen.\n\nCV Quincy Terwerf – pagina 1")


# --- the candidate's known identity ----------------------------------------------------------

KNOWN = KnownIdentity(full_name="Jan Pieter de Vries", email="jp.devries@gmail.com",
                      phone="+31 6 12345678")


@pytest.mark.parametrize("mention", [
    "Jan Pieter de Vries", "JAN PIETER DE VRIES", "Jan", "Pieter", "De Vries", "de Vries",
    "Vries", "J.P. de Vries", "J. de Vries", "Vries, J.P.",
])
def test_it_finds_partial_forms_of_the_known_name(mention: str) -> None:
    text = f"Aanbevolen: {mention} werkte drie jaar aan het platform."
    assert any(mention in value for value in persons(text, known=KNOWN))


@pytest.mark.parametrize("phone", [
    "06-12345678", "0612345678", "06 1234 5678", "+31612345678", "0031 6 12 34 56 78",
    "+31 (0)6 12345678",
])
def test_it_finds_the_known_phone_number_in_any_spacing(phone: str) -> None:
    assert ("PHONE", phone) in found(f"Bereikbaar via {phone} (ook WhatsApp)", known=KNOWN)


def test_it_finds_the_local_part_of_the_known_email_address() -> None:
    entities = found("Skype jp.devries, mail JP.DEVRIES@GMAIL.COM", known=KNOWN)
    assert ("EMAIL", "jp.devries") in entities
    assert ("EMAIL", "JP.DEVRIES@GMAIL.COM") in entities


def test_it_trusts_the_record_over_the_name_lists() -> None:
    known = KnownIdentity(full_name="Albert Heijn")  # a real person may share a company's name
    assert "Albert Heijn" in persons("Referentie: Albert Heijn, buurman", known=known)


def test_it_keeps_months_that_look_like_known_first_names() -> None:
    known = KnownIdentity(full_name="Jan Smit")
    assert persons("Jan 2019 – Mar 2021 Data Engineer\nJan Smit", known=known) == {"Jan Smit"}


# --- job content stays -----------------------------------------------------------------------

def test_it_keeps_skills_companies_titles_and_years() -> None:
    text = (
        "Werkervaring\n"
        "2019 – heden  Lead Data Scientist bij ASML, Veldhoven\n"
        "- Bouwde modellen met Python, PyTorch, Julia en Apache Spark op Azure.\n"
        "2015 – 2019  Machine Learning Engineer, Booking.com\n"
        "Jan 2014 - Dec 2014  Stage bij Albert Heijn en Hans Anders\n"
        "Opleiding: MSc AI, Universiteit van Amsterdam (2013–2015); TU Delft; Erasmus MC\n"
        "Tools: Jenkins, Kafka, Hugo, Great Expectations, Power BI, Scrum Master"
    )
    redacted = anonymise(text)
    assert {entity.type for entity in redacted.entities} == {"LOCATION"}
    assert text[redacted.entities[0].start:redacted.entities[0].end] == "Veldhoven"


def test_it_keeps_companies_named_after_people() -> None:
    text = "2018 – 2020 Monteur bij Willem Bakker Installatietechniek en De Vries & Zonen"
    assert not persons(text)


def test_it_keeps_a_candidates_skill_that_is_also_their_first_name() -> None:
    known = KnownIdentity(full_name="Julia Smit")
    text = "Julia Smit\nSkills: Python, Julia, R"
    assert persons(text, known=known) == {"Julia Smit"}


# --- places ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("Woonplaats: Nieuw-Vennep", "Nieuw-Vennep"),
    ("Wonende te Berkel en Rodenrijs", "Berkel en Rodenrijs"),
    ("Based in Harrogate, open to relocation", "Harrogate"),
    ("Ik woon in Amsterdam.", "Amsterdam"),
    ("Place of birth: 's-Hertogenbosch", "'s-Hertogenbosch"),
])
def test_it_finds_where_someone_lives(text: str, place: str) -> None:
    assert ("LOCATION", place) in found(text)


def test_it_finds_a_place_in_the_header_next_to_the_title() -> None:
    text = "Teun Eschbeek\nSoftware Engineer | Krommenie\nteun@eschbeek.nl\n\nProfiel\n..."
    assert ("LOCATION", "Krommenie") in found(text)


@pytest.mark.parametrize("organisation", [
    "TU Delft", "Universiteit Utrecht", "University of Amsterdam", "Amsterdam UMC",
    "Port of Rotterdam", "Gemeente Den Haag", "Rabobank Utrecht", "Leeds Building Society",
])
def test_it_keeps_places_inside_organisation_names(organisation: str) -> None:
    assert not found(f"2016 – 2020 Data Engineer bij {organisation}.")


@pytest.mark.parametrize("text, name", [
    ("De Vries, Jan\nData Scientist", "De Vries, Jan"),
    ("Vries, J.P. de\nEngineer", "Vries, J.P. de"),
    ("Naam: drs. M.A. (Marieke) Oosterhuis-van Leeuwen", "M.A. (Marieke) Oosterhuis-van Leeuwen"),
    ("Gesproken met mevrouw A. Jansen over de rol.", "A. Jansen"),
])
def test_it_finds_names_written_in_other_orders_and_forms(text: str, name: str) -> None:
    assert name in persons(text)


DUTCH_CV = """CURRICULUM VITAE
Persoonlijke gegevens
Naam:                 Marieke Oosterhuis-van Leeuwen
Adres:                Van Ostadestraat 233-3
Postcode/woonplaats:  1073 TM Amsterdam
Telefoon:             +31 (0)6 - 24 68 13 57
E-mail:               marieke.oosterhuis@outlook.com
Geboortedatum:        14 februari 1986
Nationaliteit:        Nederlands

Profiel
Marieke is een analytische data scientist (38 jaar) met een achtergrond in econometrie.

Werkervaring
mrt 2020 – heden      Senior Data Scientist – Achmea, Zeist
                      Leidinggevende: Hans Kuipers (Head of Analytics)
2016 – 2020           Data-analist – Belastingdienst

Opleiding
2004 – 2009           Econometrie, Erasmus Universiteit Rotterdam
"""


def test_it_anonymises_a_whole_dutch_cv_and_keeps_the_job_content() -> None:
    assert anonymise(DUTCH_CV, language="nl").text == """CURRICULUM VITAE
Persoonlijke gegevens
Naam:                 [PERSON]
Adres:                [ADDRESS]
Postcode/woonplaats:  [POSTCODE] [LOCATION]
Telefoon:             [PHONE]
E-mail:               [EMAIL]
Geboortedatum:        [DATE_OF_BIRTH]
Nationaliteit:        [NATIONALITY]

Profiel
[PERSON] is een analytische data scientist ([AGE]) met een achtergrond in econometrie.

Werkervaring
mrt 2020 – heden      Senior Data Scientist – Achmea, [LOCATION]
                      Leidinggevende: [PERSON] (Head of Analytics)
2016 – 2020           Data-analist – Belastingdienst

Opleiding
2004 – 2009           Econometrie, Erasmus Universiteit Rotterdam
"""


def test_it_reads_a_markdown_cv() -> None:
    text = ("# Lars Hoogendijk\n**Senior AI Engineer** · Amersfoort\n\n"
            "**E-mail:** lars.hoogendijk@proton.me  \n**Telefoon:** +31 6 4455 6677\n\n"
            "## Profiel\nLars bouwt LLM-toepassingen met *Python* en **LangChain**.\n")
    assert anonymise(text).text == (
        "# [PERSON]\n**Senior AI Engineer** · [LOCATION]\n\n"
        "**E-mail:** [EMAIL]  \n**Telefoon:** [PHONE]\n\n"
        "## Profiel\n[PERSON] bouwt LLM-toepassingen met *Python* en **LangChain**.\n")
