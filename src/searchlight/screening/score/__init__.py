"""Scoring a read CV against a role's SEARCH profile: evidence in, explained scores out. Pure
functions, no database (storing and re-ranking are in `screening.service` and `.ranking`).

- `preparation`: a file to scoring input (tricks neutralised, identities redacted, then
  evidence read) and a role profile to scoring items;
- `evidence`: sections, quotable passages and years of experience per sector;
- `terms`: exact-term evidence, stemmed and compound-aware, in Dutch and English;
- `skills_found`: which taxonomy skills a CV names word for word;
- `scoring`: every item against every passage (embeddings and exact terms), per dimension and
  overall; unknown is not zero; `aggregate` does a whole pool at once;
- `questions`: unknown dimensions and unproven must-haves as interview questions;
- `explanation`: the quotes and questions a result page shows.
"""

from searchlight.screening.score.explanation import Explanation, explanation_of
from searchlight.screening.score.preparation import AnalysedCv, read_cv
from searchlight.screening.score.scoring import DIMENSIONS, Score, score_cv

__all__ = ["DIMENSIONS", "AnalysedCv", "Explanation", "Score", "explanation_of", "read_cv",
           "score_cv"]
