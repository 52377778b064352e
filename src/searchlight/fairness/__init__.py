"""Fairness: bias audits of selection and scoring, the way NYC Local Law 144 defines them.

- `audit.py` — pure functions, no database: per category and per intersection of categories,
  the selection rate (selected / n) or the scoring rate (share scoring above the overall
  median), the impact ratio against the most favoured group, unknown counts, groups under 2%
  flagged (never dropped), ratios under 0.8 highlighted, n everywhere.
- `decisions.py` — reads a decisions CSV (one row per person) into what `audit.py` takes, with
  located errors.

`searchlight bias audit --decisions FILE.csv` prints the report.
"""
