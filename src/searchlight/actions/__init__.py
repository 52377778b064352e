"""Next best action: per role and for each recruiter's day, a short list of suggested actions,
each with the reason behind it (seed 003).

- `suggest`: pure: facts about roles, applications and sources -> ranked suggestions;
- `service`: gathers the facts a user may see, applies done / snoozed / dismissed decisions;
- `views`: the next-actions page, the decisions, and the recruiter's home panel.
"""
