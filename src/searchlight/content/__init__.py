"""The content studio: vacancy texts, social posts, onboarding plans and role cards, NL and EN.

- `inclusive/`: the inclusive-language and readability check (pure);
- `offline/`: the deterministic offline engine (pure): Markdown from a role profile;
- `intake/`: a vacancy intake or a pasted vacancy text -> a draft role profile (pure drafting);
- `engine.py`: the one path to `searchlight.llm.generate_text`, with the offline engine as its
  fallback; prompts in `prompts/<kind>.md`;
- `rolecard.py`: the role card (functiekaart) PDF;
- `models.py`, `schemas.py`, `service.py`, `views.py`, `templates/content/`: texts with versions,
  organisation facts, pages.
"""
