"""Fictional Dutch and English CVs with known personal data and its exact offsets.

`generate_cv(seed, language)` is deterministic per seed and varies what a real CV varies: where
the name is (top line, after "Curriculum Vitae", in capitals, in a personalia table, only in a
contact block at the end), label words, e-mail and phone formats, addresses, profile URLs that
spell the name, dates of birth, references with other people's names. Names are drawn from this
file's own pools and half the surnames are invented from Dutch or English word parts, so they are
not the anonymiser's lists. Job content (skills, companies, titles, years) is recorded too, so a
benchmark can measure what was wrongly redacted.

Reusable by other benchmarks: only the standard library is used.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FIRST_NAMES = {
    "nl": ("Sanne", "Daan", "Lotte", "Bram", "Femke", "Jeroen", "Maartje", "Thijs", "Ilse",
           "Wessel", "Jolijn", "Hidde", "Thirza", "Siem", "Anouk", "Gijs", "Marloes", "Koen",
           "Noor", "Sjoerd", "Esmee", "Ruben", "Yara", "Jan", "Pieter", "Willemijn", "Mohammed",
           "Fatima", "Yusuf", "Aylin", "Priya", "Wei", "Kofi", "Ilona", "Xander", "Zeger", "Mirthe",
           "Joost", "Bente", "Ayoub", "Sevda", "Rik", "Floor", "Lieke", "Teun", "Jasmijn", "Stijn",
           "Mees", "Fenna", "Jan-Willem", "Anne-Marie", "Gert-Jan", "Marie-José", "Demi", "Bo",
           "Luuk", "Isis", "Zoë", "Çağla", "Søren", "Noël", "Łukasz", "Chayenne", "Quincy",
           "Shanti"),
    "en": ("Oliver", "Amelia", "Harry", "Isla", "George", "Emily", "Jack", "Sophie", "Thomas",
           "Chloe", "Rosalind", "Barnaby", "Niamh", "Eoin", "Siobhan", "Crispin", "Ffion", "Rhys",
           "Imogen", "Callum", "Priya", "Arjun", "Mei", "Kwame", "Olga", "Mateusz", "Laura",
           "Daniel", "Hannah", "Samuel", "Grace", "Ethan", "Zara", "Felix", "Tobias", "Ines",
           "Marcus", "Leah", "Nathaniel", "Evelyn", "Rowan", "Tamsin", "Declan", "Bethan",
           "Aaliyah", "Omar", "Oliver James", "Mary-Kate", "Jean-Paul", "Sophie Anne", "Agnès",
           "Jürgen", "Wei", "Li Na", "Hiroko", "Chidi", "Mateo", "Anaïs"),
}
SURNAMES = {
    "nl": ("Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Dekker",
           "Brouwer", "Dijkstra", "Hoekstra", "Kuipers", "Schouten", "Postma", "Veenstra", "Kok",
           "Yilmaz", "El Amrani", "Ramdin", "Nguyen", "Kowalski", "Boateng", "Çelik", "Doğan",
           "Wiśniewska", "Øvergaard", "Müller"),
    "en": ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas", "Roberts",
           "Walker", "Wright", "Thompson", "Hughes", "Edwards", "Patel", "Khan", "O'Connor",
           "McAllister", "Okafor", "Nowak", "Chen", "Fitzgerald", "Ashdown", "Zhang", "Tanaka",
           "D'Souza", "Adeyemi-Clarke", "Lefèvre"),
}
SURNAME_PARTS = {
    "nl": (("Hoog", "Wester", "Ooster", "Brink", "Klein", "Groen", "Zand", "Berg", "Mol", "Ter",
            "Vree", "Hazel", "Dui", "Stroo", "Kamp", "Velde", "Lin", "Esch"),
           ("kamp", "veld", "man", "huizen", "horst", "hof", "stra", "ink", "ing", "beek", "dijk",
            "broek", "kes", "boer", "mans", "enga", "werf")),
    "en": (("Ash", "Thorn", "Whit", "Black", "Hal", "Brad", "Lang", "Well", "Fair", "Rad", "Stan",
            "Pem", "Holl", "Mar", "Win", "Crow", "Kil"),
           ("worth", "ton", "field", "ley", "ford", "wood", "by", "combe", "hurst", "more", "well",
            "ridge", "stead", "bury", "shaw", "brook")),
}
PARTICLES = ("van", "de", "van der", "van den", "van de", "ter", "ten", "de la", "van 't", "in 't")
EMAIL_DOMAINS = {
    "nl": ("gmail.com", "outlook.com", "hotmail.com", "live.nl", "ziggo.nl", "kpnmail.nl",
           "icloud.com", "protonmail.com", "planet.nl", "xs4all.nl"),
    "en": ("gmail.com", "outlook.com", "yahoo.co.uk", "btinternet.com", "icloud.com",
           "hotmail.co.uk", "protonmail.com", "me.com"),
}
PHONE_FORMATS = {
    "nl": ("06-{a}", "06 {a}", "06 {b4} {c4}", "+31 6 {a}", "+31 (0)6 {b4} {c4}", "+316{a}",
           "0031 6 {a}", "(06) {a}", "020-{s7}", "020 {s3} {s4}", "010 - {s3} {s2} {s2b}",
           "06-{p2} {p2b} {p2c} {p2d}", "+31 20 {s3} {s4}", "06.{b4}.{c4}",
           "+31 6 {p2} {p2b} {p2c} {p2d}", "+32 470 {p2} {p2b} {p2c}", "0470/{p2}.{p2b}.{p2c}",
           "+49 151 {b4} {c4}", "0{area}-{s6}"),
    "en": ("+44 7700 {s6}", "07700 {s6}", "+44 (0)20 {b4} {c4}", "020 {b4} {c4}",
           "+1 (415) 555-{c4}", "415-555-{c4}", "+1 415 555 {c4}", "+353 87 {s3} {s4}",
           "+44 161 {s3} {s4}", "(+44) 7911 {s6}"),
}
STREETS = {
    "nl": ("Keizersgracht", "Laan van Meerdervoort", "Eerste Jan Steenstraat", "Oudegracht",
           "Hoofdstraat", "Kerkstraat", "Stationsweg", "Dorpsstraat", "Molenweg", "Julianalaan",
           "Van Baerlestraat", "Prins Hendrikkade", "Coolsingel", "Nieuwe Binnenweg", "Ganzenmarkt",
           "Burgemeester Reigerstraat", "Sint Jansstraat", "Vismarkt", "Zuiderdiep", "Rokin",
           "Lange Voorhout", "Amstel", "Hooigracht", "Tolhuisweg", "Wilhelminapark"),
    "en": ("Baker Street", "Elm Grove", "Victoria Road", "High Street", "Station Road",
           "Church Lane", "Mill Lane", "Kings Avenue", "Queens Drive", "Park Terrace",
           "Market Street", "Oak Close", "Riverside Walk", "Chapel Row", "Abbey Road"),
}
CITIES = {
    "nl": ("Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Leiden",
           "Haarlem", "Nijmegen", "Zwolle", "Amersfoort", "Breda", "Delft", "Tilburg", "Arnhem",
           "Nieuw-Vennep", "Berkel en Rodenrijs", "Krommenie", "Zuidhorn", "Rijen", "Hoofddorp",
           "Alphen aan den Rijn", "Capelle aan den IJssel", "'s-Hertogenbosch"),
    "en": ("London", "Manchester", "Leeds", "Bristol", "Edinburgh", "Glasgow", "Cardiff",
           "Birmingham", "Oxford", "Cambridge", "Brighton", "Sheffield", "Dublin", "York",
           "Harrogate", "Bath"),
}
UK_POSTCODES = ("NW1 6XE", "LS6 2AB", "M14 5RT", "BS8 1TH", "EH3 9QN", "G12 8QQ", "CF10 3AT",
                "B15 2TT", "OX2 6GG", "CB2 1TN", "BN1 1AA", "S10 2TN")
NATIONALITIES = {"nl": ("Nederlandse", "Belgische", "Duitse", "Turkse", "Marokkaanse", "Poolse",
                        "Surinaamse"),
                 "en": ("British", "Irish", "Dutch", "Indian", "Polish", "Nigerian", "American")}
MONTHS = {"nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                 "september", "oktober", "november", "december"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")}
COMPANIES = ("ASML", "Philips", "ING", "Rabobank", "ABN AMRO", "Booking.com", "Adyen", "Coolblue",
             "bol.com", "KPN", "Ahold Delhaize", "Albert Heijn", "Shell", "Unilever", "Heineken",
             "TomTom", "Mollie", "Picnic", "NN Group", "Achmea", "Deloitte", "Accenture",
             "Capgemini", "TNO", "Rijkswaterstaat", "Gemeente Amsterdam", "Thales", "Vanderlande",
             "Optiver", "Flow Traders", "Ocado", "Monzo", "Revolut", "BBC", "Barclays", "HSBC",
             "Tesco", "Rolls-Royce", "DeepMind", "Arm", "Wise", "GSK", "AstraZeneca",
             "Nexus Analytics", "Bluefin Data", "Datavolt", "Kraanvogel Software", "Helix Robotics",
             "Northwind Labs", "Jan Linders", "Hans Anders", "Van der Valk", "Michael Page",
             "Thomas Cook", "Johnson & Johnson", "McKinsey & Company", "Universiteit van Amsterdam",
             "Erasmus Universiteit Rotterdam", "Vrije Universiteit Amsterdam", "Amsterdam UMC",
             "De Vries Engineering", "Willem Bakker Installatietechniek", "Brunel", "Yacht",
             "Port of Rotterdam", "University of Leeds", "Leeds Building Society")
TITLES = ("Data Scientist", "Senior Data Scientist", "Machine Learning Engineer", "AI Engineer",
          "MLOps Engineer", "Data Engineer", "Prompt Engineer", "AI Product Owner", "Data Analyst",
          "Software Engineer", "Lead Data Scientist", "NLP Engineer", "Computer Vision Engineer",
          "Research Scientist", "Analytics Engineer", "AI Architect", "Backend Developer")
SKILLS = ("Python", "PyTorch", "TensorFlow", "scikit-learn", "SQL", "Spark", "Kubernetes", "Docker",
          "AWS", "Azure", "GCP", "LangChain", "Hugging Face", "MLflow", "Airflow", "FastAPI",
          "TypeScript", "Java", "Scala", "Go", "Rust", "Julia", "dbt", "Snowflake", "Databricks",
          "Tableau", "Power BI", "Kafka", "Terraform", "Git", "Linux", "NLP", "LLMs", "RAG",
          "pandas", "NumPy", "OpenCV", "XGBoost", "Pydantic", "PostgreSQL")
SCHOOLS = {"nl": ("Universiteit van Amsterdam", "TU Delft", "Universiteit Utrecht",
                  "Rijksuniversiteit Groningen", "TU Eindhoven", "Hogeschool Utrecht", "Fontys"),
           "en": ("University of Manchester", "University of Edinburgh", "Imperial College London",
                  "University of Leeds", "King's College London", "Trinity College Dublin")}
BULLETS = {
    "nl": ("Bouwde een feature store met {} en {}; modellen kwamen % sneller in productie.",
           "Ontwikkelde een classificatiemodel in {} met monitoring in {}; % minder handwerk.",
           "Zette samen met het team een RAG-toepassing op ({}, {}) voor de klantenservice.",
           "Automatiseerde de datapijplijn van {} naar {}; doorlooptijd % korter.",
           "Begeleidde twee junior collega's bij code reviews in {} en het testen met {}.",
           "Migreerde batchjobs van {} naar {} en verlaagde de cloudkosten met %.",
           "Schreef documentatie en tests voor de {}-services; de {}-dekking steeg naar %."),
    "en": ("Built a feature store on {} and {}, cutting time to production by %.",
           "Developed a churn model in {} with drift monitoring in {}; % fewer false alarms.",
           "Shipped a retrieval-augmented assistant ({}, {}) used by 400 support agents.",
           "Automated the pipeline from {} to {}, reducing lead time by %.",
           "Mentored two junior engineers on code review in {} and testing with {}.",
           "Moved batch jobs from {} to {} and lowered cloud spend by %.",
           "Wrote docs and tests for the {} services; {} coverage rose to %."),
}
EXTRAS = {
    "nl": ("\nCertificaten\nAWS Certified Machine Learning – Specialty (2022)\n"
           "Databricks Certified Data Engineer Associate (2021)\n"
           "\nTalen\nNederlands (moedertaal), Engels (vloeiend), Duits (basis)\n"
           "\nNevenactiviteiten\nVrijwilliger bij CoderDojo; organisator van een PyData-meetup.\n"
           "Hobby's: hardlopen, schaken en fotografie.\n"),
    "en": ("\nCertifications\nAWS Certified Machine Learning – Specialty (2022)\n"
           "Google Professional Data Engineer (2021)\n"
           "\nLanguages\nEnglish (native), Dutch (B2), Spanish (conversational)\n"
           "\nInterests\nVolunteer mentor at Code First Girls; organiser of a PyData meetup.\n"
           "Running, chess and photography.\n"),
}
COLLEAGUE_SENTENCES = {
    "nl": (("- Samen met ", " een nieuw platform opgezet."),
           ("- Onder leiding van ", " de datastrategie uitgewerkt."),
           ("- In een team met ", " en twee ontwikkelaars een chatbot gebouwd."),
           ("- Rapporteerde aan ", " (Head of Data)."),
           ("- Werkte nauw samen met ", " aan de migratie naar de cloud.")),
    "en": (("- Together with ", " I set up a new platform."),
           ("- Reporting to ", ", Head of Data."),
           ("- Alongside ", " I rebuilt the forecasting stack."),
           ("- Under the guidance of ", " we launched the feature store."),
           ("- Co-authored a paper with ", " on retrieval evaluation.")),
}
LABELS = {
    "nl": {"name": ("Naam", "Volledige naam", "Naam kandidaat"),
           "email": ("E-mail", "Email", "Mail"),
           "phone": ("Telefoon", "Tel.", "Mobiel", "T"), "address": ("Adres", "Woonadres"),
           "city": ("Woonplaats",), "dob": ("Geboortedatum", "Geboren", "Geb. datum"),
           "nationality": ("Nationaliteit",), "gender": ("Geslacht",), "age": ("Leeftijd",),
           "personalia": ("Personalia", "Persoonlijke gegevens", "Contactgegevens"),
           "experience": "Werkervaring", "education": "Opleiding", "skills": "Vaardigheden",
           "profile": "Profiel", "references": "Referenties", "present": "heden"},
    "en": {"name": ("Name", "Full name"), "email": ("Email", "E-mail"),
           "phone": ("Phone", "Mobile", "Tel", "M"), "address": ("Address", "Home address"),
           "city": ("Location", "City"), "dob": ("Date of birth", "DOB", "Born"),
           "nationality": ("Nationality",), "gender": ("Gender",), "age": ("Age",),
           "personalia": ("Personal details", "Contact", "Contact details"),
           "experience": "Work Experience", "education": "Education", "skills": "Skills",
           "profile": "Profile", "references": "References", "present": "Present"},
}


@dataclass
class GeneratedCV:
    text: str
    entities: list[tuple[str, int, int]]  # personal data: (type, start, end)
    name: str
    email: str
    phone: str
    job_terms: list[tuple[str, int, int]] = field(default_factory=list)  # SKILL/COMPANY/TITLE/YEAR


@dataclass
class _Writer:
    parts: list[str] = field(default_factory=list)
    length: int = 0
    entities: list[tuple[str, int, int]] = field(default_factory=list)
    job_terms: list[tuple[str, int, int]] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def entity(self, kind: str, text: str) -> None:
        self.entities.append((kind, self.length, self.length + len(text)))
        self.add(text)

    def job(self, kind: str, text: str) -> None:
        self.job_terms.append((kind, self.length, self.length + len(text)))
        self.add(text)


@dataclass
class _Person:
    first: str
    particle: str
    surname: str
    language: str

    @property
    def full(self) -> str:
        return " ".join(part for part in (self.first, self.particle, self.surname) if part)

    def initials_form(self) -> str:
        return " ".join(part for part in (f"{self.first[0]}.", self.particle, self.surname) if part)


def _surname(rng: random.Random, language: str) -> str:
    if rng.random() < 0.5:
        return rng.choice(SURNAMES[language])
    heads, tails = SURNAME_PARTS[language]
    return rng.choice(heads) + rng.choice(tails)


def _person(rng: random.Random, language: str) -> _Person:
    first = rng.choice(FIRST_NAMES[language])
    particle = rng.choice(PARTICLES) if language == "nl" and rng.random() < 0.4 else ""
    surname = _surname(rng, language)
    if rng.random() < 0.12:  # double surname
        second_particle = rng.choice(("", "de ", "van "))
        surname = f"{surname}-{second_particle}{_surname(rng, language)}"
    return _Person(first, particle, surname, language)


def _slug(text: str) -> str:
    return "".join(c for c in text.lower().replace(" ", "-") if c.isalnum() or c == "-")


def _email(rng: random.Random, person: _Person) -> str:
    first, last = _slug(person.first), _slug(f"{person.particle}{person.surname}").replace("-", "")
    local = rng.choice((f"{first}.{last}", f"{first[0]}.{last}", f"{first}{last}",
                        f"{last}.{first}", f"{first}_{last}{rng.randint(70, 99)}",
                        f"{first}{rng.randint(1, 99)}", f"{first[0]}{last}", f"info.{last}"))
    return f"{local}@{rng.choice(EMAIL_DOMAINS[person.language])}"


def _phone(rng: random.Random, language: str) -> str:
    digits = {key: "".join(str(rng.randint(0, 9)) for _ in range(n)) for key, n in (
        ("a", 8), ("b4", 4), ("c4", 4), ("s7", 7), ("s3", 3), ("s4", 4), ("s2", 2), ("s2b", 2),
        ("s6", 6), ("p2", 2), ("p2b", 2), ("p2c", 2), ("p2d", 2))}
    digits["area"] = str(rng.randint(100, 999))  # Dutch area codes never start with 0
    return rng.choice(PHONE_FORMATS[language]).format(**digits)


def _profile_url(rng: random.Random, person: _Person) -> tuple[str, str | None]:
    """A profile URL and, for some layouts, a bare handle written after a label."""
    slug = _slug(person.full)
    handle = _slug(person.first[0] + person.surname).replace("-", "")
    url = rng.choice((
        f"linkedin.com/in/{slug}", f"https://www.linkedin.com/in/{slug}-{rng.randint(10, 99)}a",
        f"www.linkedin.com/in/{slug}/", f"github.com/{handle}", f"https://github.com/{handle}",
        f"gitlab.com/{handle}", f"x.com/{handle}", f"https://twitter.com/{handle}",
        f"werkzoeken.nl/cv/{slug}", f"https://www.indeed.com/r/{slug}/3f9a",
        f"nationalevacaturebank.nl/cv/{slug}", f"{slug.replace('-', '')}.nl",
        f"https://{slug.replace('-', '')}.dev", f"kaggle.com/{handle}", f"huggingface.co/{handle}",
        f"medium.com/@{handle}"))
    labelled_handle = handle if rng.random() < 0.25 else None
    return url, labelled_handle


def _date_of_birth(rng: random.Random, language: str) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1965, 2002)
    month_name = MONTHS[language][month - 1]
    return rng.choice((f"{day:02d}-{month:02d}-{year}", f"{day} {month_name} {year}",
                       f"{day:02d}/{month:02d}/{year}", f"{year}-{month:02d}-{day:02d}",
                       f"{day}.{month}.{year}") + ((f"{month_name} {day}, {year}",)
                                                   if language == "en" else ()))


@dataclass
class _Facts:
    email: str
    phone: str
    url: str
    handle: str | None
    street: str
    postcode: str
    city: str
    birth_date: str
    birth_place: str
    nationality: str
    gender: str
    age: int


def _facts(rng: random.Random, person: _Person, email: str, phone: str) -> _Facts:
    language = person.language
    url, handle = _profile_url(rng, person)
    abroad = language == "en" and rng.random() < 0.35  # an English CV from someone in NL
    place_language = "nl" if language == "nl" or abroad else "en"
    number = rng.choice((f"{rng.randint(1, 250)}", f"{rng.randint(1, 99)}a",
                         f"{rng.randint(1, 99)}-{rng.randint(1, 3)}", f"{rng.randint(100, 300)}-II",
                         f"{rng.randint(1, 60)} hs"))
    if place_language == "nl":
        street = f"{rng.choice(STREETS['nl'])} {number}"
        postcode = f"{rng.randint(1000, 9999)}{rng.choice((' ', ''))}" + "".join(
            rng.choice("ABCEGHJKLMNPRTVWXZ") for _ in range(2))
    else:
        street = f"{rng.randint(1, 250)} {rng.choice(STREETS['en'])}"
        postcode = rng.choice(UK_POSTCODES)
    age = rng.randint(22, 60)
    return _Facts(email, phone, url, handle, street, postcode, rng.choice(CITIES[place_language]),
                  _date_of_birth(rng, language), rng.choice(CITIES[place_language]),
                  rng.choice(NATIONALITIES[language]),
                  rng.choice(("man", "vrouw") if language == "nl" else ("male", "female")), age)


def _write_header(w: _Writer, rng: random.Random, person: _Person, layout: str) -> None:
    title = rng.choice(TITLES)
    if layout == "cv_title":
        w.add(rng.choice(("Curriculum Vitae", "CURRICULUM VITAE", "Resume", "CV")) + "\n\n")
    if layout == "title_first":
        w.job("TITLE", title)
        w.add("\n")
    if layout == "honorific":
        honorific = rng.choice(("Dhr.", "Mevr.") if person.language == "nl" else ("Mr", "Ms"))
        w.entity("GENDER", honorific)
        w.add(" ")
        w.entity("PERSON", f"{person.initials_form()[:2]} ({person.first}) "
                           f"{person.full.split(' ', 1)[1]}")
    elif layout == "caps":
        w.entity("PERSON", person.full.upper())
    elif layout == "academic":
        before, after = rng.choice((("ir. ", " MSc"), ("Dr. ", " PhD"), ("drs. ", ""),
                                    ("", ", MSc"), ("Prof. dr. ", "")))
        w.add(before)
        w.entity("PERSON", person.full)
        w.add(after)
    elif layout == "nickname":
        w.entity("PERSON", f"{person.first} \"{person.first[:3]}\" {person.full.split(' ', 1)[1]}")
    else:
        w.entity("PERSON", person.full)
    if layout in ("name_pipe_title", "name_title_run_on"):
        w.add(rng.choice((" | ", " – ", ", ")) if layout == "name_pipe_title" else " ")
        w.job("TITLE", title)
    elif layout != "title_first":
        w.add("\n")
        w.job("TITLE", title)
    if rng.random() < 0.4:  # where they live, next to the title
        w.add(rng.choice((" | ", " · ", "\n")))
        w.entity("LOCATION", rng.choice(CITIES[person.language]))
    w.add("\n")


def _write_contact(w: _Writer, rng: random.Random, facts: _Facts, labels: dict, *,
                   labelled: bool) -> None:
    items = [("EMAIL", "email", facts.email), ("PHONE", "phone", facts.phone),
             ("URL", None, facts.url)]
    rng.shuffle(items)
    if not labelled:
        separator = rng.choice((" · ", " | ", "  ", "\n"))
        for index, (kind, _, value) in enumerate(items):
            w.add(separator if index else "")
            w.entity(kind, value)
        w.add("\n")
        return
    for kind, label, value in items:
        label_word = rng.choice(labels[label] if label else ("LinkedIn", "Web", "Portfolio"))
        w.add(f"{label_word}: ")
        w.entity(kind, value)
        w.add("\n")
    if facts.handle:
        label = rng.choice(("GitHub: ", "Skype: ", "Kaggle: ", "LinkedIn: /in/", "Twitter: @"))
        w.add(label)
        w.entity("PROFILE_HANDLE", facts.handle)
        w.add("\n")


def _write_personalia(w: _Writer, rng: random.Random, person: _Person, facts: _Facts,
                      labels: dict, *, with_name: bool) -> None:
    w.add(rng.choice(labels["personalia"]) + "\n")
    separator = rng.choice((": ", ":\t", "\t", "\n"))
    if with_name:
        w.add(rng.choice(labels["name"]) + separator)
        w.entity("PERSON", person.full)
        w.add("\n")
    w.add(rng.choice(labels["address"]) + separator)
    w.entity("ADDRESS", facts.street)
    w.add(rng.choice((", ", "\n")))
    w.entity("POSTCODE", facts.postcode)
    w.add(rng.choice((" ", "  ")))
    w.entity("LOCATION", facts.city)
    w.add("\n")
    fields = [("dob", "DATE_OF_BIRTH", facts.birth_date),
              ("nationality", "NATIONALITY", facts.nationality),
              ("gender", "GENDER", facts.gender), ("age", "AGE", str(facts.age))]
    for label, kind, value in rng.sample(fields, rng.randint(1, len(fields))):
        w.add(rng.choice(labels[label]) + separator)
        w.entity(kind, value)
        if label == "dob" and rng.random() < 0.3:
            w.add(" te " if person.language == "nl" else " in ")
            w.entity("LOCATION", facts.birth_place)
        w.add("\n")
    _write_contact(w, rng, facts, labels, labelled=True)


def _write_profile(w: _Writer, rng: random.Random, person: _Person, labels: dict) -> None:
    w.add(f"\n{labels['profile']}\n")
    skill_a, skill_b = rng.sample(SKILLS, 2)
    who = rng.random()
    if person.language == "nl":
        if who < 0.35:
            w.entity("PERSON", person.first)
            w.add(" is een gedreven professional met ")
        elif who < 0.5:
            w.add("Mijn naam is ")
            w.entity("PERSON", person.full)
            w.add(" en ik heb ")
        elif who < 0.6:
            w.add("Ik ben ")
            w.entity("PERSON", person.first)
            w.add(", geboren op ")
            w.entity("DATE_OF_BIRTH", _date_of_birth(rng, "nl"))
            w.add(", en heb ")
        else:
            w.add("Ik ben een resultaatgerichte professional met ")
        w.add(f"{rng.randint(3, 15)} jaar ervaring in ")
        w.job("SKILL", skill_a)
        w.add(" en ")
        w.job("SKILL", skill_b)
        w.add(". Ik bouw modellen die in productie draaien en meetbaar waarde leveren.\n")
    else:
        if who < 0.35:
            w.entity("PERSON", person.first)
            w.add(" is a hands-on engineer with ")
        elif who < 0.5:
            w.add("My name is ")
            w.entity("PERSON", person.full)
            w.add(" and I have ")
        elif who < 0.6:
            w.add("I am ")
            w.entity("PERSON", person.first)
            w.add(", born ")
            w.entity("DATE_OF_BIRTH", _date_of_birth(rng, "en"))
            w.add(", with ")
        else:
            w.add("Results-driven engineer with ")
        w.add(f"{rng.randint(3, 15)} years of experience in ")
        w.job("SKILL", skill_a)
        w.add(" and ")
        w.job("SKILL", skill_b)
        w.add(". I ship models to production and measure their impact.\n")


def _write_period(w: _Writer, rng: random.Random, start: int, end: int | None,
                  present: str) -> None:
    style = rng.randrange(3)
    month = MONTHS["en"][rng.randrange(12)][:3]
    if style == 1:
        w.add(f"{month} ")
    elif style == 2:
        w.add(f"{rng.randint(1, 12):02d}/")
    w.job("YEAR", str(start))
    w.add(rng.choice((" – ", " - ", "–")))
    if end is None:
        w.add(present)
    else:
        if style == 1:
            w.add(f"{month} ")
        elif style == 2:
            w.add(f"{rng.randint(1, 12):02d}/")
        w.job("YEAR", str(end))


def _write_experience(w: _Writer, rng: random.Random, labels: dict, language: str) -> None:
    w.add(f"\n{labels['experience']}\n")
    year = rng.randint(2019, 2023)
    for index in range(rng.randint(3, 5)):
        start = year - rng.randint(1, 4)
        _write_period(w, rng, start, None if index == 0 else year, labels["present"])
        w.add(rng.choice(("  ", " | ", "\n")))
        w.job("TITLE", rng.choice(TITLES))
        w.add(rng.choice((", ", " bij " if language == "nl" else " at ", " – ")))
        w.job("COMPANY", rng.choice(COMPANIES))
        if rng.random() < 0.5:
            w.add(", " + rng.choice(CITIES[language]))
        w.add("\n")
        if rng.random() < 0.2:  # a colleague named in running text
            before, after = rng.choice(COLLEAGUE_SENTENCES[language])
            w.add(before)
            w.entity("PERSON", _person(rng, language).full)
            w.add(after + "\n")
        for template in rng.sample(BULLETS[language], rng.randint(2, 4)):
            before, middle, after = template.split("{}")
            w.add(rng.choice(("- ", "• ", "")) + before)
            w.job("SKILL", rng.choice(SKILLS))
            w.add(middle)
            w.job("SKILL", rng.choice(SKILLS))
            w.add(after.replace("%", f"{rng.randint(10, 60)}%") + "\n")
        year = start


def _write_education(w: _Writer, rng: random.Random, labels: dict, language: str) -> None:
    w.add(f"\n{labels['education']}\n")
    end = rng.randint(2008, 2020)
    w.add(rng.choice(("MSc Data Science", "BSc Informatica", "MSc Artificial Intelligence",
                      "BSc Computer Science", "MSc Econometrics")) + ", ")
    w.job("COMPANY", rng.choice(SCHOOLS[language]))
    w.add(" (")
    _write_period(w, rng, end - 2, end, labels["present"])
    w.add(")\n")
    if rng.random() < 0.3:  # another person's name in running text
        supervisor = _person(rng, language)
        w.add("Scriptie onder begeleiding van prof. dr. " if language == "nl"
              else "Thesis supervised by Prof. ")
        w.entity("PERSON", supervisor.full)
        w.add(".\n")


def _write_skills(w: _Writer, rng: random.Random, labels: dict) -> None:
    w.add(f"\n{labels['skills']}\n")
    for index, skill in enumerate(rng.sample(SKILLS, rng.randint(5, 10))):
        w.add(rng.choice((", ", " · ", "\n- ")) if index else "")
        w.job("SKILL", skill)
    w.add("\n")


def _write_references(w: _Writer, rng: random.Random, labels: dict, language: str) -> None:
    w.add(f"\n{labels['references']}\n")
    if rng.random() < 0.3:
        w.add("Op aanvraag beschikbaar.\n" if language == "nl" else "Available on request.\n")
        return
    for _ in range(rng.randint(1, 2)):
        referee = _person(rng, language)
        w.add(rng.choice(("", "- ", "• ", "Referent: " if language == "nl" else "Referee: ",
                          "Contactpersoon: " if language == "nl" else "Contact: ")))
        w.entity("PERSON", referee.full if rng.random() < 0.7 else referee.initials_form())
        opening, closing = rng.choice(((", ", ", "), (" – ", " – "), (" (", ") ")))
        w.add(opening)
        w.job("TITLE", rng.choice(("Teamlead Data", "Head of AI", "CTO", "Engineering Manager")))
        w.add(" " + ("bij " if language == "nl" else "at "))
        w.job("COMPANY", rng.choice(COMPANIES))
        w.add(closing)
        if rng.random() < 0.5:
            w.entity("PHONE", _phone(rng, language))
        else:
            w.entity("EMAIL", _email(rng, referee))
        w.add("\n")


def _write_identifiers(w: _Writer, rng: random.Random) -> None:
    """Dutch CVs sometimes still carry a BSN or bank account."""
    if rng.random() < 0.5:
        w.add(rng.choice(("BSN: ", "Burgerservicenummer: ", "BSN ")))
        w.entity("BSN", _valid_bsn(rng))
    else:
        w.add("IBAN: ")
        w.entity("IBAN", _valid_iban(rng))
    w.add("\n")


def _valid_bsn(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        check = sum(weight * digit
                    for weight, digit in zip(range(9, 1, -1), digits, strict=True)) % 11
        if check < 10 and digits[0]:
            return "".join(map(str, digits + [check]))


def _valid_iban(rng: random.Random) -> str:
    bank = rng.choice(("ABNA", "INGB", "RABO", "TRIO", "SNSB"))
    account = "".join(str(rng.randint(0, 9)) for _ in range(10))
    numeric = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    iban = f"NL{98 - int(numeric) % 97:02d}{bank}{account}"
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if rng.random() < 0.6 else iban


def _write_sign_off(w: _Writer, rng: random.Random, person: _Person) -> None:
    w.add("\nMet vriendelijke groet,\n\n" if person.language == "nl" else "\nKind regards,\n\n")
    w.entity("PERSON", person.full)
    w.add("\n")


LAYOUTS = ("top", "cv_title", "caps", "title_first", "name_pipe_title", "honorific",
           "personalia_only", "sidebar_end", "nickname", "name_title_run_on", "academic",
           "footer_only")


def generate_cv(seed: int, language: str) -> GeneratedCV:
    rng = random.Random(f"{seed}-{language}")
    person = _person(rng, language)
    email, phone = _email(rng, person), _phone(rng, language)
    facts = _facts(rng, person, email, phone)
    labels = LABELS[language]
    layout = rng.choice(LAYOUTS)
    w = _Writer()
    if layout not in ("personalia_only", "sidebar_end", "footer_only"):
        _write_header(w, rng, person, layout)
        if rng.random() < 0.5:
            _write_contact(w, rng, facts, labels, labelled=False)
    if layout != "sidebar_end":
        _write_personalia(w, rng, person, facts, labels, with_name=layout == "personalia_only")
    if language == "nl" and rng.random() < 0.2:
        _write_identifiers(w, rng)
    _write_profile(w, rng, person, labels)
    sections = [_write_experience, _write_education]
    rng.shuffle(sections)
    for section in sections:
        section(w, rng, labels, language)
    _write_skills(w, rng, labels)
    w.add(EXTRAS[language])
    if rng.random() < 0.6:
        _write_references(w, rng, labels, language)
    if layout == "footer_only":  # the name only in the page footer a PDF reader repeats
        w.add("\n" + ("CV " if language == "nl" else "Resume "))
        w.entity("PERSON", person.full)
        w.add(" – " + ("pagina 1 van 2" if language == "nl" else "page 1 of 2") + "\n")
    if layout == "sidebar_end":  # a two-column PDF read as text: the contact column comes last
        w.add("\n")
        _write_personalia(w, rng, person, facts, labels, with_name=True)
    elif rng.random() < 0.15:
        _write_sign_off(w, rng, person)
    return GeneratedCV("".join(w.parts), w.entities, person.full, email, phone, w.job_terms)
