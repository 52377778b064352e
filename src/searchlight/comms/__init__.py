"""Candidate communication: e-mail per stage (acknowledgement, invitation, rejection with a kind
and specific reason, offer) in Dutch and English, drafted by the AI layer where one is
configured, always edited or approved by a person, sent in the candidate's language through the
mail outbox and logged on the candidate's timeline.

- `wording`: pure: the templates in both languages and how they are filled;
- `service`: the candidate's language, drafting, sending;
- `views`: the messages page of a candidate.
"""
