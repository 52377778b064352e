"""Vacancy intake: a guided intake with the hiring manager (the job to be done, first-year
outcomes, must-haves vs nice-to-haves per SEARCH dimension, team and context) or a pasted
vacancy text becomes a draft role profile with items linked to the taxonomy.

- `draft.from_answers(answers, skills)` / `draft.from_vacancy_text(text, skills)`: pure drafting;
- `service.draft_profile(...)`: the taxonomy's skill names in, a draft out (never saved);
- `views`: the intake page; the draft opens in the roles form, where a person edits and saves
  it as a new role or a new version (roles/service does the saving).
"""
