"""Recruitment analytics: the numbers a recruitment lead steers by.

- `funnel`: pure functions over application journeys (no database): the funnel with conversion
  and drop-off, time in stage, time to hire, and source effectiveness.
- `service`: reads the journeys a user may see (role scope, period) from the pipeline tables.
- `views`: the analytics page with charts, and CSV exports.
"""

from searchlight.analytics.funnel import (
    Journey,
    SourceRow,
    StageStep,
    StageTime,
    funnel,
    source_effectiveness,
    time_in_stage,
    time_to_hire,
)

__all__ = [
    "Journey", "SourceRow", "StageStep", "StageTime", "funnel", "source_effectiveness",
    "time_in_stage", "time_to_hire",
]
