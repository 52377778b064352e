"""How scarce a role's profile is (seed 003's benchmark), with every input shown.

- `indicator`: pure: the inputs (strong matches in the pool and talent pools, days to fill
  similar roles, vacancies per job seeker) combined into a 0-100 indicator and a level;
  `similar_roles` by shared taxonomy skills.
- `market`: pure: parse a labour-market CSV (code, period, vacancies, job seekers).
- `service`: reads the inputs from the database and imports market figures.
- `views`: the scarcity panel of a role and the import form.
"""

from searchlight.analytics.scarcity.indicator import Inputs, Scarcity, scarcity, similar_roles
from searchlight.analytics.scarcity.market import MarketRow, parse_market_csv

__all__ = ["Inputs", "MarketRow", "Scarcity", "parse_market_csv", "scarcity", "similar_roles"]
