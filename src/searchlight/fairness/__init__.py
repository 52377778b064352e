"""Fairness: bias audits of selection and scoring, the way NYC Local Law 144 defines them.

- `audit.py` — pure functions, no database: per category and per intersection of categories,
  the selection rate (selected / n) or the scoring rate (share scoring above the overall
  median), the impact ratio against the most favoured group, unknown counts, groups under 2%
  flagged (never dropped), ratios under 0.8 highlighted, n everywhere.
- `decisions.py` — reads a decisions CSV (one row per person) into what `audit.py` takes, with
  located errors.
- `categories.py` — the questions of the voluntary self-identification form (fixed answers,
  always "prefer not to say").
- `models.py` — single-use invitations (token hash only) and the answers, in a table of their
  own that only this package reads; never a model input (`tests/fairness/test_isolation.py`).
- `service.py` — invite, answer once, each answer's outcome (stages reached, screening scores),
  and `detach` for an erasure (the outcome frozen, the link to the person cleared).
- `report.py` — the auditor's report per role, pipeline stage and SEARCH dimension, computed by
  `audit.audit`, the same function as the CLI.
- `views.py` — `/self-identification/{token}` (public), the recruiter's invite button, and
  `/fairness` with its CSV download (the `auditor` role only).

`searchlight bias audit --decisions FILE.csv` prints the report for decisions made elsewhere.
"""
