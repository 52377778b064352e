"""Assessments: proof-of-skill challenges with rubrics mapped to SEARCH dimensions, graded by
an engine that proposes levels with quoted evidence and by humans who decide.

- `schemas`: the challenge document (the YAML format of docs/assessments-yaml.md);
- `yaml_io`: reading challenge YAML with located errors;
- `library/`: the shipped challenges, three or more per seed role, in Dutch and English;
- `grading/`: pure grading functions (offline engine, quote check, injection guard, scores,
  agreement metrics);
- `service`: stored challenges (import, list).
"""
