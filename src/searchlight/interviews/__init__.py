"""Interviews: kits and scorecards, call and interview transcripts as SEARCH evidence, interviews
by chat through a single-use link, and a versioned prompt and code portfolio (issue 11, 5-8)."""
