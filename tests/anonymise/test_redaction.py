"""Anonymisation patterns: contact details, identifiers and personal details in Dutch and English,
and the contract of the result (placeholders, offsets into the original, no overlaps)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searchlight.anonymise import Entity, KnownIdentity, Redaction, anonymise, merge
from searchlight.anonymise.contact import bsn_is_valid, iban_is_valid


def found(text: str, **options: object) -> set[tuple[str, str]]:
    """(type, original text) of every entity found."""
    redaction = anonymise(text, **options)  # type: ignore[arg-type]
    return {(entity.type, text[entity.start:entity.end]) for entity in redaction.entities}


def redacted_words(text: str) -> str:
    return " ".join(text[entity.start:entity.end] for entity in anonymise(text).entities)


# --- e-mail, URL, handle ---------------------------------------------------------------------

@pytest.mark.parametrize("text, email", [
    ("E-mail: sanne.devries@gmail.com", "sanne.devries@gmail.com"),
    ("Mail mij op j.jansen+cv@ziggo.nl.", "j.jansen+cv@ziggo.nl"),
    ("Email: o.brien@btinternet.co.uk | Phone", "o.brien@btinternet.co.uk"),
    ("contact: jan [at] devries [dot] nl", "jan [at] devries [dot] nl"),
])
def test_it_finds_email_addresses(text: str, email: str) -> None:
    assert ("EMAIL", email) in found(text)


@pytest.mark.parametrize("url", [
    "https://www.linkedin.com/in/sanne-de-vries-12ab34/",
    "linkedin.com/in/jan-jansen",
    "nl.linkedin.com/in/pieterbakker",
    "github.com/jdevries",
    "https://gitlab.com/sbakker/thesis",
    "x.com/sannedv",
    "www.werkzoeken.nl/cv/jan-de-vries",
    "https://www.indeed.com/r/Oliver-Smith/3f9a",
    "jandevries.nl",
    "https://portfolio.sannebakker.dev/projects",
])
def test_it_redacts_whole_urls_with_the_name_in_them(url: str) -> None:
    assert ("URL", url) in found(f"Profiel: {url} (bekijk mijn werk)")


def test_it_keeps_company_names_that_look_like_domains() -> None:
    text = "Werkzaam bij Booking.com en bol.com; bouwde een ASP.NET API met socket.io."
    assert not anonymise(text).entities


@pytest.mark.parametrize("text, handle", [
    ("GitHub: jdevries", "jdevries"),
    ("LinkedIn: /in/sanne-bakker", "/in/sanne-bakker"),
    ("Skype: jan.de.vries", "jan.de.vries"),
    ("Follow me: @sannecodes on X", "@sannecodes"),
])
def test_it_finds_profile_handles(text: str, handle: str) -> None:
    assert ("PROFILE_HANDLE", handle) in found(text)


def test_it_does_not_take_the_next_label_for_an_empty_handle() -> None:
    assert not found("LinkedIn: Languages: English, Dutch")


def test_it_does_not_take_code_annotations_or_companies_for_handles() -> None:
    assert not found("Used @Override in Java; Data Scientist @ING since 2020.")


# --- phone numbers ---------------------------------------------------------------------------

@pytest.mark.parametrize("phone", [
    "06-12345678", "06 12345678", "06 1234 5678", "+31 6 1234 5678", "+31 (0)6 12345678",
    "+31612345678", "0031 6 12345678", "(06) 12345678", "020-1234567", "020 123 4567",
    "010 - 123 45 67", "06-12 34 56 78", "+32 470 12 34 56",
])
def test_it_finds_dutch_phone_numbers(phone: str) -> None:
    assert ("PHONE", phone) in found(f"Telefoon: {phone}\n")
    assert ("PHONE", phone) in found(f"Bel mij gerust op {phone} of mail.")


@pytest.mark.parametrize("phone", [
    "+44 7700 900123", "07700 900123", "+44 (0)20 7946 0958", "+1 (415) 555-0132",
    "415-555-0132", "+353 87 123 4567", "(+44) 7911 123456",
])
def test_it_finds_international_phone_numbers(phone: str) -> None:
    assert ("PHONE", phone) in found(f"Phone: {phone}\n")


def test_it_keeps_years_and_numbers_that_are_no_phone_numbers() -> None:
    text = ("2019 - 2023 Data Scientist\nReduced cost by 1,250,000 euro; 20.000 users; "
            "KvK 12345678; version 3.11.7")
    assert not anonymise(text).entities


def test_it_splits_a_phone_number_from_a_year_after_it() -> None:
    assert ("PHONE", "06-12345678") in found("06-12345678 2019 – 2021")


# --- IBAN and BSN ----------------------------------------------------------------------------

def test_it_checks_ibans_with_mod_97() -> None:
    assert iban_is_valid("NL91ABNA0417164300")
    assert iban_is_valid("NL91 ABNA 0417 1643 00")
    assert iban_is_valid("GB82 WEST 1234 5698 7654 32")
    assert not iban_is_valid("NL91ABNA0417164301")


def test_it_finds_valid_ibans_only() -> None:
    assert ("IBAN", "NL91 ABNA 0417 1643 00") in found("IBAN: NL91 ABNA 0417 1643 00 BIC ABNANL2A")
    assert ("IBAN", "GB82WEST12345698765432") in found("Account GB82WEST12345698765432.")
    assert not found("Rekening NL91ABNA0417164301")


def test_it_checks_bsns_with_the_eleven_check() -> None:
    assert bsn_is_valid("111222333")
    assert bsn_is_valid("123456782")
    assert not bsn_is_valid("123456789")
    assert not bsn_is_valid("000000000")


@pytest.mark.parametrize("text, number", [
    ("BSN: 111222333", "111222333"),
    ("Burgerservicenummer 123.456.782", "123.456.782"),
    ("Sofinummer:\n123456782", "123456782"),
])
def test_it_finds_a_valid_bsn_after_its_cue(text: str, number: str) -> None:
    assert ("BSN", number) in found(text)


def test_it_keeps_bsns_that_fail_the_check_or_have_no_cue() -> None:
    assert not found("BSN: 123456789")
    assert not found("Ordernummer 111222333 is verzonden.")


# --- postcode and address --------------------------------------------------------------------

def test_it_finds_a_dutch_address_with_postcode_and_city() -> None:
    entities = found("Adres: Keizersgracht 123-II, 1015 CX Amsterdam")
    assert ("ADDRESS", "Keizersgracht 123-II, 1015 CX Amsterdam") in entities


@pytest.mark.parametrize("line, street, postcode, city", [
    ("Laan van Meerdervoort 52\n2517 AK Den Haag", "Laan van Meerdervoort 52", "2517 AK",
     "Den Haag"),
    ("Eerste Jan Steenstraat 12 hs, 1072NL  AMSTERDAM", "Eerste Jan Steenstraat 12 hs", "1072NL",
     "AMSTERDAM"),
    ("Amstel 1, 1011 PN Amsterdam", "Amstel 1", "1011 PN", "Amsterdam"),
    ("Woonachtig op de Oudegracht 7a, 3511 AB Utrecht.", "Oudegracht 7a", "3511 AB", "Utrecht"),
])
def test_it_finds_dutch_streets_postcodes_and_cities(line: str, street: str, postcode: str,
                                                      city: str) -> None:
    covered = redacted_words(line)
    for part in (street, postcode, city):
        assert part in covered


@pytest.mark.parametrize("line, parts", [
    ("221B Baker Street, London NW1 6XE", ("221B Baker Street", "London", "NW1 6XE")),
    ("Flat 3, 27 Victoria Road, Manchester M14 5RT", ("Flat 3, 27 Victoria Road", "M14 5RT")),
    ("1600 Market Street, San Francisco, CA 94103", ("1600 Market Street", "94103")),
])
def test_it_finds_english_addresses(line: str, parts: tuple[str, ...]) -> None:
    covered = redacted_words(line)
    for part in parts:
        assert part in covered


def test_it_does_not_read_years_before_acronyms_as_postcodes() -> None:
    assert not found("2019 AI Engineer bij ASML\n2018 BE Computer Science\n2019 TO 2021")


def test_it_does_not_read_versions_or_cities_with_a_year_as_streets() -> None:
    entities = found("Spring 5 en Python 3; Rotterdam 2019 – 2021")
    assert entities == {("LOCATION", "Rotterdam")}


# --- date of birth, age ----------------------------------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("Geboortedatum: 03-03-1990", "03-03-1990"),
    ("Geboren op 3 maart 1990 te Utrecht", "3 maart 1990"),
    ("Geb. 12/05/1985", "12/05/1985"),
    ("Date of birth: 3 March 1990", "3 March 1990"),
    ("DOB: 1990-03-03", "1990-03-03"),
    ("Born on March 3, 1990 in Leeds", "March 3, 1990"),
    ("Born in 1990", "1990"),
    ("Geboortedatum\n14.4.1979", "14.4.1979"),
])
def test_it_finds_dates_of_birth(text: str, date: str) -> None:
    assert ("DATE_OF_BIRTH", date) in found(text)


def test_it_finds_the_birth_place_after_a_date_of_birth() -> None:
    assert ("LOCATION", "Utrecht") in found("Geboren op 3 maart 1990 te Utrecht")


def test_it_finds_a_full_date_alone_in_the_personalia() -> None:
    assert ("DATE_OF_BIRTH", "03-03-1990") in found("Sanne de Vries\n03-03-1990\nUtrecht")


def test_it_keeps_employment_dates() -> None:
    text = "Werkervaring\n01-09-2008 - 31-12-2012 Developer\nSinds 01-01-2013 bij ING"
    assert not any(kind == "DATE_OF_BIRTH" for kind, _ in found(text))
    assert not found("Birthday: Graduated 2019")


@pytest.mark.parametrize("text, age", [
    ("Leeftijd: 32", "32"), ("Leeftijd\n32 jaar", "32 jaar"),
    ("Ik ben 32 jaar oud.", "32 jaar oud"),
    ("Age: 41", "41"), ("a 27-year-old engineer", "27-year-old"), ("Sanne (34 jaar)", "34 jaar"),
    ("32 jaar, woonachtig in Delft", "32 jaar"),
])
def test_it_finds_ages(text: str, age: str) -> None:
    assert ("AGE", age) in found(text)


def test_it_keeps_years_of_experience() -> None:
    text = "Ik heb 20 jaar ervaring.\nWerkervaring: 25 jaar\nI am 32 years of experience richer."
    assert not any(kind == "AGE" for kind, _ in found(text))


# --- nationality and gender ------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Nationaliteit: Nederlandse", "Nederlandse"),
    ("Nationality: British / Irish", "British / Irish"),
    ("Nationaliteit\nMarokkaanse", "Marokkaanse"),
    ("Dutch nationality, EU work permit", "Dutch"),
    ("Citizenship: Russia Location: Tel Aviv", "Russia"),
])
def test_it_finds_nationalities(text: str, value: str) -> None:
    assert ("NATIONALITY", value) in found(text)


def test_it_keeps_languages_someone_speaks() -> None:
    assert not found("Talen: Nederlands (moedertaal), Engels, Duits\nLanguages: Dutch, English")


@pytest.mark.parametrize("text, marker", [
    ("Geslacht: vrouw", "vrouw"), ("Geslacht\nman", "man"), ("Gender: Female", "Female"),
    ("Pronouns: she/her", "she/her"), ("Dhr. J. Jansen", "Dhr."), ("Mevr. de Vries", "Mevr."),
    ("Mrs. Smith", "Mrs."), ("Ms Jones", "Ms"),
])
def test_it_finds_gender_markers(text: str, marker: str) -> None:
    assert ("GENDER", marker) in found(text)


def test_it_reads_mr_as_the_dutch_law_degree_in_dutch_text() -> None:
    assert ("GENDER", "Mr.") not in found("Mr. J. de Vries, advocaat", language="nl")
    assert ("GENDER", "Mr.") in found("Mr. J. de Vries, lawyer", language="en")


# --- result contract -------------------------------------------------------------------------

def test_it_replaces_entities_with_language_neutral_placeholders() -> None:
    text = "Jan de Vries\njan@devries.nl\n06-12345678"
    result = anonymise(text)
    assert isinstance(result, Redaction)
    assert result.text == "[PERSON]\n[EMAIL]\n[PHONE]"
    assert [entity.type for entity in result.entities] == ["PERSON", "EMAIL", "PHONE"]


def test_it_merges_overlapping_findings_into_the_longest() -> None:
    assert merge([("PERSON", 10, 20), ("URL", 0, 30), ("LOCATION", 25, 35)]) == [("URL", 0, 35)]
    assert merge([("PERSON", 0, 5), ("EMAIL", 5, 9)]) == [("PERSON", 0, 5), ("EMAIL", 5, 9)]


def test_it_returns_the_text_unchanged_when_nothing_is_personal() -> None:
    text = "Skills: Python, PyTorch, SQL. 2019–2023 Data Scientist at ASML."
    assert anonymise(text) == Redaction(text=text, entities=())


_CV_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:-@/+()'\n\t")
    + ["Jan ", "de ", "Vries", "van ", "@gmail.com", "06-", "+31 ", "straat ", "1234 AB ",
       "Naam: ", "Geboren ", "jaar", "linkedin.com/in/", "BSN ", "NL91ABNA0417164300", "Dhr. "]
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_CV_ALPHABET, max_size=80).map("".join),
       name=st.sampled_from([None, "Jan de Vries", "J. Jansen", "Sanne"]))
def test_it_gives_offsets_into_the_original_text_that_do_not_overlap(text: str,
                                                                      name: str | None) -> None:
    known = KnownIdentity(full_name=name, email="jan@devries.nl", phone="+31 6 12345678")
    result = anonymise(text, known=known)
    previous_end = 0
    for entity in result.entities:
        assert isinstance(entity, Entity)
        assert text[entity.start:entity.end].strip()
        assert entity.start >= previous_end
        previous_end = entity.end
    rebuilt = result.text
    for entity in result.entities:
        rebuilt = rebuilt.replace(f"[{entity.type}]", text[entity.start:entity.end], 1)
    assert rebuilt == text


def test_it_finds_german_streets_and_country_codes_as_nationality() -> None:
    assert redacted_words("Hauptstraße 5, 10115 Berlin") == "Hauptstraße 5 10115 Berlin"
    assert ("NATIONALITY", "NL") in found("Nationaliteit: NL")


def test_it_finds_two_phone_numbers_written_as_one_run() -> None:
    entities = found("Tel: 06-12345678 / 020-1234567")
    assert {("PHONE", "06-12345678"), ("PHONE", "020-1234567")} <= entities


@pytest.mark.parametrize("text", [
    "Aaaa " * 4000, "1 " * 10000, ".a" * 10000, "06 " * 7000, "1234 AB " * 2500, "a@" * 10000,
    "Jan de Vries " * 1500,
], ids=["capitals", "digits", "dots", "phone groups", "postcodes", "at signs", "names"])
def test_it_stays_fast_on_pathological_text(text: str) -> None:
    started = time.process_time()
    anonymise(text)
    assert time.process_time() - started < 2.0  # ~0.1 s on a 2-core machine; no blow-up


def test_it_redacts_only_the_known_person_in_a_short_reason():
    from searchlight.anonymise import KnownIdentity, redact_known

    known = KnownIdentity("Jan de Vries", "jan@devries.nl", "06 12345678")
    assert redact_known("Chose another offer.", known) == "Chose another offer."
    assert redact_known("Jan de Vries declined; mail jan@devries.nl or 06 12345678", known) == (
        "[PERSON] declined; mail [EMAIL] or [PHONE]")
