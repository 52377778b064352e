"""Nederlandse woordenlijsten: (regex, categorie, suggestie). Hoofdletterongevoelig, op
woordgrenzen; bij overlap wint de langste treffer."""

from searchlight.content.inclusive.rules import Rule

RULES: tuple[Rule, ...] = (
    # Genderspecifieke woorden en functietitels.
    Rule(r"verpleegster", "gender", "verpleegkundige"),
    Rule(r"secretaresse", "gender", "secretaris, managementassistent"),
    Rule(r"\w*medewerkster", "gender", "medewerker"),
    Rule(r"schoonmaakster", "gender", "schoonmaker"),
    Rule(r"lerares", "gender", "leraar, docent"),
    Rule(r"verkoopster", "gender", "verkoper, verkoopadviseur"),
    Rule(r"kapster", "gender", "kapper"),
    Rule(r"directrice", "gender", "directeur"),
    Rule(r"assistente", "gender", "assistent"),
    Rule(r"adviseuse", "gender", "adviseur"),
    Rule(r"gastvrouw|gastheer", "gender", "host, gastheer/gastvrouw"),
    Rule(r"zaken(?:man|mannen|vrouw)", "gender", "ondernemer, professional"),
    Rule(r"vak(?:man|mannen|vrouw)", "gender", "vakkracht, vakspecialist"),
    Rule(r"(?:timmer|brand|tussen|monteurs?|klusjes|cameraman)(?:man|mannen)", "gender",
         "een neutrale functietitel"),
    Rule(r"voorman|voormannen", "gender", "teamleider, ploegleider"),
    Rule(r"mankracht", "gender", "personeel, capaciteit"),
    Rule(r"manuren", "gender", "werkuren, mensuren"),
    Rule(r"(?:rock ?star|ninja|goeroe|guru)s?", "gender",
         "een concrete beschrijving van de vaardigheid, bijvoorbeeld 'ervaren engineer'"),
    Rule(r"jongens", "gender", "collega's, team"),
    # Voornaamwoorden.
    Rule(r"hij\s*/\s*zij|zij\s*/\s*hij|hij of zij|zij of hij", "pronoun",
         "je/jij (spreek de lezer aan) of die/diegene"),
    Rule(r"zijn\s*/\s*haar|zijn of haar|haar of zijn", "pronoun", "je/jouw, hun"),
    Rule(r"hem\s*/\s*haar|hem of haar", "pronoun", "je/jou, hen"),
    Rule(r"hij|hem|zichzelf als man", "pronoun", "je/jij (spreek de lezer aan) of die/diegene"),
    # Een genderaanduiding die mensen uitsluit.
    Rule(r"\(\s*[mv]\s*/\s*[vm]\s*\)", "gender_marker", "(m/v/x), of laat de aanduiding weg"),
    # Leeftijd.
    Rule(r"jong(?:e)?,?\s+(?:en\s+)?(?:dynamisch(?:e)?\s+)?(?:team|bedrijf|organisatie|collega'?s|"
         r"professionals?|talent)", "age", "een gemotiveerd team, een betrokken team"),
    Rule(r"jonge honden", "age", "gedreven collega's"),
    Rule(r"jong|jonge|jeugdig(?:e)?|young professionals?", "age",
         "beschrijf het werk, niet de leeftijd"),
    Rule(r"digital natives?|digitaal native", "age", "digitaal vaardig, thuis in digitale tools"),
    Rule(r"(?:pas|net|recent(?:elijk)?) afgestudeerd(?:e|en)?|schoolverlaters?", "age",
         "aan het begin van je loopbaan, of noem de vaardigheden die je nodig hebt"),
    Rule(r"(?:maximaal|max\.?|niet ouder dan|jonger dan|tot)\s+\d{2}\s*jaar(?:\s+oud)?", "age",
         "laat leeftijdsgrenzen weg (leeftijdsdiscriminatie)"),
    Rule(r"tussen\s+(?:de\s+)?\d{2}\s+en\s+\d{2}\s*jaar(?:\s+oud)?", "age",
         "laat leeftijdsgrenzen weg (leeftijdsdiscriminatie)"),
    Rule(r"leeftijd(?:\s+van)?\s+\d{2}\s*(?:-|–|tot)\s*\d{2}(?:\s*jaar)?", "age",
         "laat leeftijdsgrenzen weg (leeftijdsdiscriminatie)"),
    Rule(r"\d{2}\s*(?:-|–|tot)\s*\d{2}\s*jaar(?:\s+oud)?", "age",
         "laat leeftijdsgrenzen weg (leeftijdsdiscriminatie)"),
    Rule(r"energiek(?:e)?", "age", "gemotiveerd, betrokken"),
    Rule(r"overgekwalificeerd", "age", "beschrijf het niveau dat het werk vraagt"),
    # Afkomst en taal.
    Rule(r"(?:nederlandse|engelse|duitse)?\s*moedertaal(?:spreker)?s?", "origin_language",
         "vloeiend Nederlands (C1), of het niveau dat het werk echt vraagt"),
    Rule(r"native\s+(?:english\s+|dutch\s+)?speakers?", "origin_language",
         "vloeiend Engels (C1), of het niveau dat het werk echt vraagt"),
    Rule(r"accentloos|zonder accent", "origin_language",
         "duidelijke communicatie; laat accent weg"),
    Rule(r"(?:nederlandse|westerse) (?:afkomst|achtergrond)", "origin_language", "laat weg"),
    Rule(r"culture(?:le)? fit", "origin_language",
         "deelt onze waarden, voegt iets toe aan onze cultuur"),
    # Gezondheid en beperking die het werk niet vraagt.
    Rule(r"fysiek fit|lichamelijk fit|in goede (?:lichamelijke )?(?:conditie|gezondheid)|"
         r"goede gezondheid|kerngezond", "disability_health",
         "laat weg, of noem de fysieke taak die het werk echt vraagt"),
    Rule(r"goed(?:e)? (?:gezichtsvermogen|gehoor|ogen)", "disability_health",
         "laat weg, of noem de taak die het werk echt vraagt"),
    Rule(r"zonder (?:lichamelijke )?beperking(?:en)?|geen beperking(?:en)?|valide",
         "disability_health",
         "laat weg"),
    Rule(r"stressbestendig(?:e|heid)?", "disability_health",
         "beschrijf het tempo van het werk, bijvoorbeeld 'je houdt overzicht als deadlines "
         "samenvallen'"),
)

# Nederlandse equivalenten van Gaucher et al. (2011), naar de vertaalde lijsten die Nederlandse
# wervingsonderzoekers gebruiken (stammen; * = elke uitgang).
MASCULINE_CODED = (
    "actief", "actieve", "ambiti*", "analy*", "assertie*", "autonom*", "autonoom", "avontu*",
    "besluitva*", "beslis*", "competiti*", "concurre*", "daadkr*", "dominan*", "doorta*",
    "doorzet*", "durf*", "gedreven", "krachtig*", "leider*", "leiding*", "logisch*",
    "moedig*", "objectie*", "onafhankelijk*", "onverschrokken", "prestati*", "resultaatgericht*",
    "sterk*", "uitdag*", "uitgesproken", "vastberaden", "winnaar*", "zelfbewust*",
    "zelfstandig*", "zelfverzekerd*", "zelfvertrouwen", "strijd*", "koppig*", "superieur*",
)
FEMININE_CODED = (
    "begripvol*", "behulpzaam*", "betrokken*", "betrouwba*", "bescheiden*", "communicatie*",
    "eerlijk*", "empath*", "enthousias*", "geduld*", "gevoel*", "hartelijk*", "inlevings*",
    "inclusie*", "loyal*", "ondersteun*", "open", "prettig*", "samen", "samenwerk*", "sociaa*",
    "sociale", "steun*", "teamspeler*", "toegewijd*", "verantwoordelijk*", "verbind*",
    "verbond*", "vertrouw*", "vriendelijk*", "warm*", "zorg*", "zorgzaam*", "delen", "gedeeld*",
)
MASCULINE_SUGGESTION = "breng in balans met woorden over samenwerken, of kies een neutraal woord"
