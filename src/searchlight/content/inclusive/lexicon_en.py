"""English word lists: (regex, category, suggestion). Patterns are matched case-insensitively on
word boundaries; the longest match wins where two overlap."""

from searchlight.content.inclusive.rules import Rule

RULES: tuple[Rule, ...] = (
    # Gendered words and job titles.
    Rule(r"chair(?:man|woman)", "gender", "chair, chairperson"),
    Rule(r"sales(?:man|men|woman|women)", "gender", "salesperson, sales representative"),
    Rule(r"business(?:man|men|woman|women)", "gender", "businessperson, professional"),
    Rule(r"spokes(?:man|men|woman|women)", "gender", "spokesperson"),
    Rule(r"fore(?:man|men)", "gender", "supervisor, team lead"),
    Rule(r"crafts(?:man|men)", "gender", "craftsperson, specialist"),
    Rule(r"craftsmanship", "gender", "craft, skill, quality of work"),
    Rule(r"workmanship", "gender", "quality of work"),
    Rule(r"man-?power", "gender", "workforce, staff, capacity"),
    Rule(r"man-?hours?", "gender", "person-hours, working hours"),
    Rule(r"manned", "gender", "staffed"),
    Rule(r"(?:middle|camera|repair)(?:man|men)", "gender", "a neutral job title"),
    Rule(r"waitress", "gender", "server"),
    Rule(r"stewardess", "gender", "flight attendant"),
    Rule(r"guys", "gender", "everyone, team, folks"),
    Rule(r"(?:rock ?star|ninja|guru|hacker bro)s?", "gender",
         "a concrete description of the skill, e.g. 'experienced engineer'"),
    # Pronouns.
    Rule(r"(?:he|she)\s*/\s*(?:she|he)|s/he|\(s\)he|he or she|she or he", "pronoun",
         "you (address the reader) or they"),
    Rule(r"his or her|her or his|his/her|her/his", "pronoun", "your, their"),
    Rule(r"him or her|him/her", "pronoun", "you, them"),
    Rule(r"he|him|his|himself", "pronoun", "you (address the reader) or they/them/their"),
    # A gender marker that leaves people out.
    Rule(r"\(\s*[mf]\s*/\s*[fm]\s*\)", "gender_marker", "(m/f/x), or leave the marker out"),
    # Age.
    Rule(r"young(?:\s+and\s+dynamic)?\s+(?:team|company|colleagues|professionals?|talent)",
         "age", "a motivated team, an ambitious team"),
    Rule(r"young|youthful", "age", "describe the work, not the age"),
    Rule(r"digital natives?", "age", "digitally skilled, at home with digital tools"),
    Rule(r"(?:recent|fresh|new)(?:ly)? (?:graduates?|grads?|graduated)", "age",
         "at the start of your career, or name the skills you need"),
    Rule(r"(?:aged|age)\s+(?:between\s+)?\d{2}\s*(?:-|–|to|and)\s*\d{2}", "age",
         "leave out age limits (age discrimination)"),
    Rule(r"(?:under|below|younger than|not older than|max(?:imum)?\.?(?: age(?: of)?)?)\s+\d{2}"
         r"(?:\s*(?:years?|yrs)(?:\s+old)?)?", "age", "leave out age limits (age discrimination)"),
    Rule(r"\d{2}\s*(?:-|–|to)\s*\d{2}\s+years\s+old", "age",
         "leave out age limits (age discrimination)"),
    Rule(r"energetic", "age", "motivated, engaged"),
    Rule(r"overqualified", "age", "describe the level the work needs"),
    # Origin and language.
    Rule(r"native(?:[- ]level)?\s+(?:english|dutch|german|french)?\s*speakers?", "origin_language",
         "fluent in English (C1), or the level the job really needs"),
    Rule(r"native (?:english|dutch|german|french)", "origin_language",
         "fluent English (C1), or the level the job really needs"),
    Rule(r"native[- ]level (?:fluency|english|dutch)|native fluency", "origin_language",
         "fluent (C1), or the level the job really needs"),
    Rule(r"mother tongue", "origin_language", "fluent (C1), or the level the job really needs"),
    Rule(r"without (?:an )?accent|accent-?free", "origin_language",
         "clear communication; leave accents out"),
    Rule(r"(?:cultural|culture) fit", "origin_language",
         "shares our values, adds to our culture (culture add)"),
    # Disability and health demands the work does not need.
    Rule(r"physically fit|physical fitness", "disability_health",
         "leave out, or name the physical task the job really involves"),
    Rule(r"(?:in\s+)?(?:good|excellent|perfect) (?:health|eyesight|hearing|vision)",
         "disability_health", "leave out, or name the task the job really involves"),
    Rule(r"able-?bodied", "disability_health", "leave out"),
    Rule(r"(?:must|should) be able to (?:stand|walk|lift|see|hear)", "disability_health",
         "describe the task and that adjustments are possible"),
    Rule(r"no (?:health problems|disabilit(?:y|ies))", "disability_health", "leave out"),
    Rule(r"stress[- ]resistant|thick[- ]skinned", "disability_health",
         "describe the pace of the work, e.g. 'you keep an overview when deadlines meet'"),
)

# Gaucher, Friesen & Kay (2011), "Evidence that gendered wording in job advertisements exists
# and sustains gender inequality", JPSP 101(1), appendix A (word stems; * = any ending).
MASCULINE_CODED = (
    "active", "adventurous", "aggress*", "ambitio*", "analy*", "assert*", "athlet*", "autonom*",
    "battle*", "boast*", "challeng*", "champion*", "compet*", "confident", "courag*", "decide",
    "decision*", "decisive", "defend*", "determin*", "domina*", "driven", "fearless", "fight*",
    "force*", "greedy", "head-strong", "headstrong", "hierarch*", "hostil*", "impulsive",
    "independen*", "individual*", "intellect*", "lead*", "logic", "masculine", "objective",
    "opinion", "outspoken", "persist", "principle*", "reckless", "self-confiden*",
    "self-relian*", "self-sufficien*", "selfconfiden*", "selfrelian*", "selfsufficien*",
    "stubborn", "superior", "unreasonab*",
)
FEMININE_CODED = (
    "affectionate", "agree*", "cheer*", "collab*", "commit*", "communal", "compassion*",
    "connect*", "considerate", "cooperat*", "co-operat*", "depend*", "emotiona*", "empath*",
    "feel*", "feminine", "flatterable", "gentle", "honest", "interpersonal", "interdependen*",
    "interpersona*", "inter-personal*", "inter-dependen*", "kind", "kinship", "loyal*",
    "modesty", "nag", "nurtur*", "pleasant*", "polite", "quiet*", "respon*", "sensitiv*",
    "submissive", "support*", "sympath*", "tender*", "together*", "trust*", "understand*",
    "warm*", "whin*", "enthusias*", "inclusive", "yield*", "share*", "sharin*",
)
MASCULINE_SUGGESTION = "balance with collaborative wording, or a neutral word"
