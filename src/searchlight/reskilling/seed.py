"""The reskilling plan of seed 001 (and the course table of seed 000) as data. Dutch texts are
the seed's own words; English is our translation. Where the seed contradicts itself it is kept
as written and the contradiction is stated for the L&D lead to resolve."""

from typing import Any

# (month_from, month_to, description_nl, description_en, weeks, output_nl, output_en[, note])
PhaseRow = tuple[Any, ...]
# (month, goal_nl, goal_en, form_nl, form_en, form_kind)
MilestoneRow = tuple[int, str, str, str, str, str]

PROGRAMMES: list[dict[str, Any]] = [
    {
        "key": "p1", "number": 1, "track": "B", "duration_months": 3,
        "title_nl": "Drie maanden naar AI-rol in AI Software Development Fabriek",
        "title_en": "Three months to an AI role in the AI Software Development Factory",
        "summary_nl": "Volledige focus op prompting, tool orchestration en AI-productontwikkeling. "
                      "Praktijkgericht: werkend prototype in maand 3, product in maand 6. "
                      "100% hands-on werken met LangChain, GPTs, agents, evaluaties en "
                      "integraties.",
        "summary_en": "Full focus on prompting, tool orchestration and AI product development. "
                      "Practical: a working prototype in month 3, a product in month 6. "
                      "100% hands-on with LangChain, GPTs, agents, evaluations and integrations.",
        "inconsistency_nl": "Het plan noemt programma 1 'Drie maanden' (titel en fasetabel: 3 × 4 "
                            "weken), maar de tabel met meetmomenten heet 'Zes maanden naar AI-rol' "
                            "en heeft een meetmoment in maand 6 (MVP-validatie); de beschrijving "
                            "noemt ook 'product in maand 6'. Kies de looptijd: drie of zes "
                            "maanden.",
        "inconsistency_en": "The plan calls programme 1 'Three months' (title and phase table: "
                            "3 × 4 weeks), but its milestone table is titled 'Six months to an AI "
                            "role' and has a milestone in month 6 (MVP validation); the "
                            "description also says 'product in month 6'. Choose the duration: "
                            "three or six months.",
        "variants": [{
            "key": "standard", "label_nl": "Fasetabel", "label_en": "Phase table",
            "phases": [
                (1, 1, "AI-basis, prompting, LLM use cases",
                 "AI basics, prompting, LLM use cases", 4,
                 "Herbruikbare prompts en use cases", "Reusable prompts and use cases"),
                (2, 2, "Tool orchestration & chaining", "Tool orchestration & chaining", 4,
                 "Werkend prototype in sandbox", "Working prototype in a sandbox"),
                (3, 3, "MVP bouwen, testen en valideren", "Build, test and validate an MVP", 4,
                 "Productieklare AI-module", "Production-ready AI module"),
            ],
        }],
        "milestones": [
            (1, "Prompt en use case intake", "Prompt and use case intake",
             "Demo prompt + toets", "Prompt demo + test", "demo_test"),
            (3, "Prototypebeoordeling", "Prototype review",
             "Peer review + teamfeedback", "Peer review + team feedback", "peer_review"),
            (6, "MVP validatie", "MVP validation",
             "Productiedemo + evaluatie", "Production demo + evaluation", "production_demo"),
        ],
    },
    {
        "key": "p2", "number": 2, "track": "A", "duration_months": 9,
        "title_nl": "Negen maanden AI-enabled Maintenance + Klantcontact + Dev-doorstroom",
        "title_en": "Nine months AI-enabled maintenance + customer contact + move to development",
        "summary_nl": "Eerste 6 maanden: AI inzetten voor monitoring, patching, observability en "
                      "automatische rapportage. Inrichting en sturing van klantcommunicatie via "
                      "AI agents (e-mail, notificaties, dashboards). Laatste 3 maanden: overstap "
                      "naar development met nadruk op prompts, chaining en evaluaties. Extra "
                      "focus op audittrails, explainability en automatische rapportage. Doel: "
                      "volledig AI-ondersteund onderhoudsproces inclusief externe communicatie.",
        "summary_en": "First 6 months: use AI for monitoring, patching, observability and "
                      "automatic reporting. Set up and steer customer communication through AI "
                      "agents (e-mail, notifications, dashboards). Last 3 months: move to "
                      "development with the emphasis on prompts, chaining and evaluations. Extra "
                      "focus on audit trails, explainability and automatic reporting. Goal: a "
                      "fully AI-supported maintenance process including external communication.",
        "variants": [
            {"key": "a", "label_nl": "Variant A (eerste fasetabel)",
             "label_en": "Variant A (first phase table)",
             "phases": [
                 (1, 2, "AI-assist voor monitoring/debugging", "AI assist for monitoring/debugging",
                  8, "Shadow AI-agent operationeel", "Shadow AI agent operational"),
                 (3, 4, "Automatisering en observability", "Automation and observability", 8,
                  "Volautomatisch beheerproces", "Fully automated maintenance process"),
                 (5, 6, "Rapportage & klantcommunicatie via AI",
                  "Reporting & customer communication through AI", 8,
                  "Conversatie-AI live in beheer", "Conversational AI live in maintenance"),
                 (7, 9, "Instructie chaining & promptvalidatie",
                  "Instruction chaining & prompt validation", 12,
                  "Ontwikkeling MVP door AI", "MVP developed by AI",
                  "9 maanden AI Maintenance Expert + AI Klantcontact",
                  "9 months AI Maintenance Expert + AI customer contact"),
             ]},
            {"key": "b", "label_nl": "Variant B (tweede fasetabel)",
             "label_en": "Variant B (second phase table)",
             "phases": [
                 (1, 2, "Basis prompting en AI observability",
                  "Basic prompting and AI observability", 8,
                  "AI-rapportage op testomgeving", "AI reporting on the test environment"),
                 (3, 5, "Procesautomatisering + rollback flows",
                  "Process automation + rollback flows", 12,
                  "Zelfherstellend onderhoud", "Self-healing maintenance"),
                 (6, 7, "AI-agent klantcommunicatie", "AI agent customer communication", 8,
                  "Conversatie-AI voor beheer", "Conversational AI for maintenance"),
                 (8, 9, "Integratie servicefeedback", "Integrating service feedback", 8,
                  "Volledige closed loop support via AI", "Full closed-loop support through AI"),
             ]},
        ],
        "milestones": [
            (2, "Shadow agent analyse", "Shadow agent analysis",
             "Auditlog review", "Audit log review", "audit_log_review"),
            (4, "Volautomatisch beheerproces aantonen",
             "Demonstrate the fully automated maintenance process",
             "Technische demo + checklist", "Technical demo + checklist", "technical_demo"),
            (6, "Conversatie-AI evaluatie", "Conversational AI evaluation",
             "Gesimuleerde klantinteractie", "Simulated customer interaction",
             "simulated_customer"),
            (9, "MVP productiedemo", "MVP production demo",
             "Co-creatie review", "Co-creation review", "co_creation_review"),
        ],
    },
    {
        "key": "p4", "number": 4, "track": "B", "duration_months": 3,
        "title_nl": "Voorbereidingsprogramma voor instroom in 3 maanden in AI Dev Fabriek",
        "title_en": "Three-month preparation programme for joining the AI Dev Factory",
        "summary_nl": "Doelgroep: functioneel sterke medewerkers met lichte technische "
                      "achtergrond. Sneltraject op basis van praktijkprompts, use case canvas en "
                      "micro-opdrachten. Output: meedraaien in Dev-team o.b.v. coachend "
                      "ontwikkelmodel.",
        "summary_en": "For functionally strong employees with a light technical background. "
                      "A fast track built on practical prompts, the use case canvas and micro "
                      "assignments. Output: taking part in a Dev team under a coaching "
                      "development model.",
        "variants": [{
            "key": "standard", "label_nl": "Fasetabel", "label_en": "Phase table",
            "phases": [
                (1, 1, "Intro prompting + AI canvas", "Intro to prompting + AI canvas", 4,
                 "Herkenning AI use case potentie", "Recognising AI use case potential"),
                (2, 2, "Microprojecten met GPTs & agents", "Micro projects with GPTs & agents", 4,
                 "Werkende demo-app of flow", "Working demo app or flow"),
                (3, 3, "Meedraaien in Dev sprint", "Taking part in a Dev sprint", 4,
                 "Deelname aan teamoutput", "Contribution to team output"),
            ],
        }],
        "milestones": [
            (1, "AI use case canvas", "AI use case canvas",
             "Presentatie + coaching", "Presentation + coaching", "presentation"),
            (2, "Demo bouwen met GPTs", "Build a demo with GPTs",
             "Demo + walkthrough", "Demo + walkthrough", "demo_walkthrough"),
            (3, "Meedraaien Dev sprint", "Take part in a Dev sprint",
             "Sprintreflectie en beoordeling", "Sprint reflection and assessment",
             "sprint_reflection"),
        ],
    },
    {
        "key": "p5", "number": 5, "track": "B", "duration_months": 6,
        "title_nl": "Voorbereidingsprogramma voor instroom in 6 maanden in AI Dev Fabriek",
        "title_en": "Six-month preparation programme for joining the AI Dev Factory",
        "summary_nl": "Meer ruimte voor theoretische onderbouwing + vaardigheidsopbouw. Gericht "
                      "op mensen met beperkte AI- of programmeerervaring. Afsluiting: "
                      "proof-of-concept en AI-productiemodule live (begeleid).",
        "summary_en": "More room for theory + building skills. For people with limited AI or "
                      "programming experience. Finish: a proof of concept and an AI production "
                      "module live (supervised).",
        "variants": [{
            "key": "standard", "label_nl": "Fasetabel", "label_en": "Phase table",
            "phases": [
                (1, 2, "AI-theorie, ethics, LLM structuur", "AI theory, ethics, LLM structure", 8,
                 "Begrip fundamenten en tooling", "Understanding of fundamentals and tooling"),
                (3, 4, "Prompting & debugging via GPTs", "Prompting & debugging with GPTs", 8,
                 "Reproduceerbare prompt flow", "Reproducible prompt flow"),
                (5, 6, "Use case POC & presentatie", "Use case POC & presentation", 8,
                 "Volledig uitgewerkt AI-idee in POC", "Fully worked-out AI idea in a POC"),
            ],
        }],
        "milestones": [
            (2, "Kennisopname AI tooling", "Knowledge of AI tooling",
             "Theorietoets + zelfanalyse", "Theory test + self-analysis", "theory_test"),
            (4, "Debugprompt validatie", "Debug prompt validation",
             "Promptchallenge + logboek", "Prompt challenge + log", "prompt_challenge"),
            (6, "Proof-of-concept review", "Proof-of-concept review",
             "Presentatie POC + peer feedback", "POC presentation + peer feedback",
             "presentation"),
        ],
    },
]

# The six criteria of the mid-level AI expert, the evidence that proves each (from the seed's
# "tastbaar bewijs") and the SEARCH dimensions they count towards.
CRITERIA: list[dict[str, Any]] = [
    {"key": "end-to-end-solution",
     "text_nl": "Minstens 1 AI-oplossing zelfstandig end-to-end heeft ontwikkeld of gegenereerd "
                "via AI agents/tools.",
     "text_en": "Has built at least one AI solution end to end on their own, or generated it "
                "with AI agents/tools.",
     "evidence_nl": "GitHub repository met AI-gegenereerde scripts en documentatie; portfolio met "
                    "live use case en demo-video.",
     "evidence_en": "A GitHub repository with AI-generated scripts and documentation; a portfolio "
                    "with a live use case and a demo video.",
     "dimensions": ["results", "experience"]},
    {"key": "deploy-llms-agents",
     "text_nl": "Zelfstandig LLMs en GenAI agents kan inzetten voor specifieke bedrijfs- of "
                "klantprocessen.",
     "text_en": "Can deploy LLMs and GenAI agents on their own for specific business or customer "
                "processes.",
     "evidence_nl": "Eigen ontwikkelde GPTs of agent blueprints met user feedback; screenshots en "
                    "schermopnames van agent-flows.",
     "evidence_en": "Own GPTs or agent blueprints with user feedback; screenshots and recordings "
                    "of agent flows.",
     "dimensions": ["skills", "experience"]},
    {"key": "prompting-orchestration-evaluation",
     "text_nl": "Prompt engineering, tool orchestration, fine-tuning en AI-evaluatie beheerst.",
     "text_en": "Masters prompt engineering, tool orchestration, fine-tuning and AI evaluation.",
     "evidence_nl": "Promptbibliotheek met herbruikbare oplossingen; dashboards met "
                    "AI-evaluatiemetrics (accuracy, latency, error rates); chainingstructuren.",
     "evidence_en": "A prompt library of reusable solutions; dashboards with AI evaluation "
                    "metrics (accuracy, latency, error rates); chaining structures.",
     "dimensions": ["skills", "cognitive"]},
    {"key": "steer-debug-validate",
     "text_nl": "LLM en AI agents effectief kan aansturen, debuggen en valideren.",
     "text_en": "Can steer, debug and validate LLMs and AI agents effectively.",
     "evidence_nl": "AI audit logs van zelfherstellende of geautomatiseerde interventies; "
                    "promptchallenge met logboek.",
     "evidence_en": "AI audit logs of self-healing or automated interventions; a prompt "
                    "challenge with its log.",
     "dimensions": ["skills", "habits"]},
    {"key": "coach-beginners",
     "text_nl": "In staat is teamleden op beginner-niveau te coachen.",
     "text_en": "Is able to coach team members at beginner level.",
     "evidence_nl": "Peer reviews en feedback van gecoachte teamleden; presentaties en "
                    "kennisdeling.",
     "evidence_en": "Peer reviews and feedback from coached team members; presentations and "
                    "knowledge sharing.",
     "dimensions": ["attitude", "habits"]},
    {"key": "business-context",
     "text_nl": "Voldoende businesscontext heeft om AI effectief in te zetten in operationele en "
                "klantgerichte domeinen.",
     "text_en": "Has enough business context to apply AI effectively in operational and "
                "customer-facing domains.",
     "evidence_nl": "AI use case canvas met businesswaarde; gesimuleerde klantinteractie; "
                    "gemeten tijdsbesparing in het eigen domein.",
     "evidence_en": "An AI use case canvas with its business value; a simulated customer "
                    "interaction; measured time saved in their own domain.",
     "dimensions": ["cognitive", "experience", "results"]},
]

# Evidence kinds: the seed's examples of "tastbaar bewijs".
EVIDENCE_KINDS: dict[str, tuple[str, str]] = {
    "repository": ("GitHub repository met AI-gegenereerde scripts en documentatie",
                   "GitHub repository with AI-generated scripts and documentation"),
    "screenshots": ("Screenshots en schermopnames van prompts, agent-flows en chaining",
                    "Screenshots and recordings of prompts, agent flows and chaining"),
    "evaluation_dashboard": ("Dashboard met AI-evaluatiemetrics",
                             "Dashboard with AI evaluation metrics"),
    "audit_log": ("AI audit log van geautomatiseerde interventies",
                  "AI audit log of automated interventions"),
    "prompt_library": ("Promptbibliotheek met herbruikbare oplossingen",
                       "Prompt library with reusable solutions"),
    "gpt_blueprint": ("Eigen GPT of agent blueprint met user feedback",
                      "Own GPT or agent blueprint with user feedback"),
    "demo_video": ("Live use case of demo-video", "Live use case or demo video"),
    "peer_review": ("Peer review", "Peer review"),
}

LEGACY_STAGES: dict[str, tuple[str, str]] = {
    "shadow": ("Shadow mode: AI doet voorstellen, mens voert uit",
               "Shadow mode: AI proposes, a human executes"),
    "supervised": ("AI voert zelfstandig uit, mens superviseert (6-9 maanden)",
                   "AI executes on its own, a human supervises (6-9 months)"),
    "ai_maintenance": ("Team richt zich volledig op AI-onderhoud en modernisering (12 maanden)",
                       "The team works fully on AI maintenance and modernisation (12 months)"),
}

_COMPARISON = [
    ("Doel", "Goal",
     "Softwareonderhoud en beheer automatiseren met AI",
     "Automate software maintenance and operations with AI",
     "Nieuwe AI-enabled producten laten ontwikkelen door AI",
     "Have AI develop new AI-enabled products"),
    ("Type werk", "Type of work",
     "Optimaliseren, documenteren, migreren, vervangen, monitoren",
     "Optimise, document, migrate, replace, monitor",
     "Innoveren, exploreren, itereren, ontwikkelen", "Innovate, explore, iterate, develop"),
    ("Startpunt", "Starting point", "Werken met bestaande systemen",
     "Working with existing systems",
     "Starten met blanco canvas of prompts", "Start from a blank canvas or prompts"),
    ("Focus AI-toepassing", "Focus of AI use",
     "AI als ondersteuner voor analyse, fixes, documentatie, tests",
     "AI as support for analysis, fixes, documentation, tests",
     "AI als ontwikkelaar voor hele softwarecomponenten of apps",
     "AI as developer of whole software components or apps"),
    ("Belangrijkste AI-skills", "Key AI skills",
     "Co-pilot tools, bugfixing prompts, changelog analyse, code diff agents",
     "Co-pilot tools, bug-fixing prompts, changelog analysis, code diff agents",
     "Prompt engineering, chaining, RAG, LangGraph, tool orchestration",
     "Prompt engineering, chaining, RAG, LangGraph, tool orchestration"),
    ("Complexiteit AI integratie", "Complexity of AI integration", "Laag tot middelmatig",
     "Low to medium", "Middel tot hoog", "Medium to high"),
    ("Mate van creativiteit", "Degree of creativity",
     "Laag – probleemoplossend binnen bekende structuur",
     "Low – problem solving within a known structure",
     "Hoog – ontwerpen van nieuwe oplossingen, paden nog onbekend",
     "High – designing new solutions, paths still unknown"),
    ("Resultaattype", "Type of result", "Stabiele systemen die minder onderhoud vragen",
     "Stable systems that need less maintenance",
     "AI-first producten die schaalbaar, lean en low-code zijn",
     "AI-first products that are scalable, lean and low-code"),
    ("Belangrijkste mindset", "Key mindset", "AI als verlengstuk van mezelf",
     "AI as an extension of myself", "Ik geef AI de regie en evalueer het resultaat",
     "I let AI lead and evaluate the result"),
    ("Typische rolprofielen", "Typical role profiles",
     "AI Maintenance Engineer, AI QA Supervisor, Migration Analyst",
     "AI Maintenance Engineer, AI QA Supervisor, Migration Analyst",
     "Prompt Engineer, AI Product Builder, AI Architect",
     "Prompt Engineer, AI Product Builder, AI Architect"),
    ("Opleidingsfases", "Training phases",
     "AI-tools leren toepassen op bestaande codebases + observability",
     "Learn to apply AI tools to existing codebases + observability",
     "AI laten genereren, evalueren, corrigeren en deployen van nieuwe software",
     "Have AI generate, evaluate, correct and deploy new software"),
    ("Output in 6 maanden", "Output in 6 months",
     "1 legacy systeem deels gemigreerd of beheerd met AI",
     "1 legacy system partly migrated or maintained with AI",
     "1 MVP of generatieve tool/module live of in gebruik",
     "1 MVP or generative tool/module live or in use"),
    ("Risicoprofiel", "Risk profile", "Laag – kleine impact bij fouten, rollback mogelijk",
     "Low – small impact of mistakes, rollback possible",
     "Hoog – AI bepaalt structuur, UX en werking van nieuwe systemen",
     "High – AI decides structure, UX and behaviour of new systems"),
    ("Kritische succesfactor", "Critical success factor",
     "Begrip van oude systemen én van hoe AI ze ondersteunt",
     "Understanding old systems and how AI supports them",
     "Vaardigheid in het orkestreren van AI agents en modellen",
     "Skill in orchestrating AI agents and models"),
]


def _comparison(side: int) -> list[dict[str, str]]:
    offset = 2 + 2 * side
    return [{"label_nl": row[0], "label_en": row[1], "value_nl": row[offset],
             "value_en": row[offset + 1]} for row in _COMPARISON]


# Track B's "Prompt Engineer" and "AI Architect" are the handbook's prompt-engineer and
# ai-solutions-architect roles; the other four are added as new SEARCH roles (see ROLES below).
TRACKS: list[dict[str, Any]] = [
    {"key": "A", "name_nl": "AI Enabled Maintenance", "name_en": "AI-enabled maintenance",
     "description_nl": "Medewerkers die leren hoe ze AI inzetten voor onderhoud van legacy "
                       "systemen. Ze blijven 100% bezig met AI.",
     "description_en": "Employees who learn to use AI for maintaining legacy systems. They stay "
                       "100% busy with AI.",
     "comparison": _comparison(0),
     "role_keys": ["ai-maintenance-engineer", "ai-qa-supervisor", "migration-analyst"]},
    {"key": "B", "name_nl": "AI Software Development Fabriek",
     "name_en": "AI Software Development Factory",
     "description_nl": "Medewerkers die leren software door AI te laten ontwikkelen en zo "
                       "AI-enabled producten bouwen.",
     "description_en": "Employees who learn to have software developed by AI and so build "
                       "AI-enabled products.",
     "comparison": _comparison(1),
     "role_keys": ["prompt-engineer", "ai-product-builder", "ai-solutions-architect"]},
]


def _dims(spec: dict[str, tuple[float, list[tuple[str, str, list[str]]]]]) -> list[dict[str, Any]]:
    return [{"key": key, "weight": weight,
             "items": [{"text_nl": nl, "text_en": en, "skills": skills}
                       for nl, en, skills in items]}
            for key, (weight, items) in spec.items()]


# The track roles seed 001 names that the handbook's six do not cover.
ROLES: list[dict[str, Any]] = [
    {"key": "ai-maintenance-engineer", "title_nl": "AI Maintenance Engineer",
     "title_en": "AI Maintenance Engineer",
     "jtbd_nl": "Onderhoudt legacy systemen met AI: monitoring, bugfixing en patching via "
                "AI agents.",
     "jtbd_en": "Maintains legacy systems with AI: monitoring, bug fixing and patching through "
                "AI agents.",
     "dimensions": _dims({
         "skills": (0.3, [("Co-pilot tools", "Co-pilot tools", ["ai-coding-assistants"]),
                          ("Bugfixing prompts", "Bug-fixing prompts", ["prompt-engineering"]),
                          ("Observability", "Observability", ["observability"])]),
         "experience": (0.2, [("Werken met bestaande systemen", "Working with existing systems",
                               ["software-architecture"])]),
         "attitude": (0.1, [("AI als verlengstuk van mezelf", "AI as an extension of myself",
                             ["continuous-learning"])]),
         "results": (0.2, [("Stabiele systemen die minder onderhoud vragen",
                            "Stable systems that need less maintenance", [])]),
         "cognitive": (0.1, [("Begrip van oude systemen en van hoe AI ze ondersteunt",
                              "Understanding old systems and how AI supports them",
                              ["systems-thinking"])]),
         "habits": (0.1, [("Logging en audittrails", "Logging and audit trails", ["logging"])]),
     })},
    {"key": "ai-qa-supervisor", "title_nl": "AI QA Supervisor", "title_en": "AI QA Supervisor",
     "jtbd_nl": "Superviseert AI die tests en validaties uitvoert en bewaakt de kwaliteit van "
                "AI-output.",
     "jtbd_en": "Supervises AI that runs tests and validations and guards the quality of AI "
                "output.",
     "dimensions": _dims({
         "skills": (0.3, [("LLM-evaluatie", "LLM evaluation", ["llm-evaluation"]),
                          ("Geautomatiseerd testen", "Automated testing", ["automated-testing"])]),
         "experience": (0.2, [("Testen en validatie van software",
                               "Testing and validating software", [])]),
         "attitude": (0.1, [("Kritisch op AI-resultaten", "Critical of AI results",
                             ["critical-thinking"])]),
         "results": (0.2, [("Reductie in handmatige test- en validatiestappen",
                            "Fewer manual test and validation steps", [])]),
         "cognitive": (0.1, [("Analytisch", "Analytical", ["analytical-thinking"])]),
         "habits": (0.1, [("Nauwkeurig", "Attention to detail", ["attention-to-detail"])]),
     })},
    {"key": "migration-analyst", "title_nl": "Migration Analyst", "title_en": "Migration Analyst",
     "jtbd_nl": "Analyseert legacy systemen en migreert ze met AI, met changelog-analyse en "
                "code diff agents.",
     "jtbd_en": "Analyses legacy systems and migrates them with AI, using changelog analysis "
                "and code diff agents.",
     "dimensions": _dims({
         "skills": (0.3, [("Changelog analyse en code diff agents",
                           "Changelog analysis and code diff agents", ["ai-agents"]),
                          ("Systeemintegratie", "System integration", ["system-integration"])]),
         "experience": (0.2, [("Legacy systemen", "Legacy systems", [])]),
         "attitude": (0.1, [("Probleemoplossend", "Problem solving", ["problem-solving"])]),
         "results": (0.2, [("Legacy systeem deels gemigreerd met AI",
                            "Legacy system partly migrated with AI", [])]),
         "cognitive": (0.1, [("Systeeminzicht", "Systems insight", ["systems-thinking"])]),
         "habits": (0.1, [("Documenteren", "Documenting", ["technical-documentation"])]),
     })},
    {"key": "ai-product-builder", "title_nl": "AI Product Builder",
     "title_en": "AI Product Builder",
     "jtbd_nl": "Laat AI-enabled producten door AI ontwikkelen: genereren, evalueren, "
                "corrigeren en deployen.",
     "jtbd_en": "Has AI-enabled products developed by AI: generate, evaluate, correct and "
                "deploy.",
     "dimensions": _dims({
         "skills": (0.3, [("Prompt engineering en chaining", "Prompt engineering and chaining",
                           ["prompt-engineering", "api-chaining"]),
                          ("RAG en tool orchestration", "RAG and tool orchestration",
                           ["rag", "ai-agents"])]),
         "experience": (0.15, [("AI-productontwikkeling", "AI product development",
                                ["ai-feature-development"])]),
         "attitude": (0.15, [("Ik geef AI de regie en evalueer het resultaat",
                              "I let AI lead and evaluate the result", ["builder-mindset"])]),
         "results": (0.2, [("MVP of generatieve tool live of in gebruik",
                            "MVP or generative tool live or in use", [])]),
         "cognitive": (0.1, [("Ontwerpen van nieuwe oplossingen",
                              "Designing new solutions", ["creativity"])]),
         "habits": (0.1, [("Snel itereren", "Iterating fast", ["iterative-working"])]),
     })},
]

LEGACY_TEAMS: list[tuple[str, str, str]] = [
    ("Legacy Polisadministratie", "A", "shadow"),
    ("Legacy Schadesystemen", "A", "supervised"),
    ("AI Dev Fabriek", "B", ""),
]

# Course catalogue: seed 001 (generic and per profile) and seed 000 (training table). Cost and
# hours are not in the seeds: the L&D lead fills them in.
COURSES: list[dict[str, Any]] = [
    {"key": "intro-genai-llms", "title": "Intro to GenAI & LLMs", "provider": "DeepLearning.AI",
     "language": "en", "audience": "", "dimensions": ["skills", "cognitive"],
     "skills": ["generative-ai", "large-language-models"]},
    {"key": "prompt-engineering", "title": "Prompt Engineering",
     "provider": "OpenAI Cookbook + LearnPrompting.org", "language": "en", "audience": "",
     "dimensions": ["skills", "habits"], "skills": ["prompt-engineering"]},
    {"key": "ai-for-everyone", "title": "AI for Everyone", "provider": "Andrew Ng (Coursera)",
     "language": "en", "audience": "", "dimensions": ["cognitive", "experience"],
     "skills": ["ai-fundamentals", "ai-strategy"]},
    {"key": "langchain-bootcamp", "title": "LangChain Bootcamp", "provider": "LangChain",
     "language": "en", "audience": "", "dimensions": ["skills", "results"],
     "skills": ["langchain", "ai-agents", "api-chaining"]},
    {"key": "rag-in-practice", "title": "RAG in Practice", "provider": "Pinecone + OpenAI",
     "language": "en", "audience": "", "dimensions": ["skills", "results"],
     "skills": ["rag", "embeddings", "vector-databases"]},
    {"key": "full-stack-llm-apps", "title": "Full Stack LLM Apps", "provider": "Buildspace.dev",
     "language": "en", "audience": "Ontwikkelaars", "dimensions": ["skills", "results"],
     "skills": ["fullstack-development", "ai-feature-development"]},
    {"key": "designing-ai-products", "title": "Designing AI Products",
     "provider": "DeepLearning.AI", "language": "en", "audience": "Architecten",
     "dimensions": ["cognitive", "skills"], "skills": ["ai-architecture", "product-management"]},
    {"key": "llm-evaluation", "title": "LLM Evaluation", "provider": "Hugging Face",
     "language": "en", "audience": "QA/Tester", "dimensions": ["skills", "habits"],
     "skills": ["llm-evaluation", "model-evaluation"]},
    {"key": "ai-use-case-discovery", "title": "AI Use Case Discovery", "provider": "Datalore",
     "language": "en", "audience": "Business/Consultants",
     "dimensions": ["cognitive", "experience"], "skills": ["business-case",
                                                           "requirements-analysis"]},
    {"key": "jads-professionals", "title": "AI/data science voor professionals",
     "provider": "JADS (Den Bosch)", "language": "nl", "audience": "",
     "dimensions": ["skills", "cognitive"], "skills": ["data-analysis", "machine-learning"]},
    {"key": "nyenrode-ai-for-business", "title": "AI for Business (executive AI-besluitvorming)",
     "provider": "Nyenrode", "language": "nl", "audience": "",
     "dimensions": ["cognitive", "attitude"], "skills": ["ai-strategy", "decision-making"]},
    {"key": "deeplearning-ai-specialisations", "title": "Coursera-specialisaties, LLM's",
     "provider": "DeepLearning.AI", "language": "en", "audience": "",
     "dimensions": ["skills", "experience"], "skills": ["large-language-models",
                                                        "deep-learning"]},
    {"key": "zaka-ai-bootcamp", "title": "LLM training, praktisch", "provider": "Zaka AI Bootcamp",
     "language": "en", "audience": "", "dimensions": ["skills", "results"],
     "skills": ["large-language-models", "fine-tuning"]},
    {"key": "fast-ai-hugging-face", "title": "Hands-on NLP, open source LLM's",
     "provider": "Fast.ai / Hugging Face", "language": "en", "audience": "",
     "dimensions": ["skills", "habits"], "skills": ["nlp", "open-source-llms", "hugging-face"]},
]
