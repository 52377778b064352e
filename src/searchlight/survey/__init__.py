"""The survey after a procedure ends (seed 002's "evaluate with candidates and colleagues"):
how clear, how fair, how fast, and what people thought of the use of AI.

- `models`: single-use invitations (only a token hash is stored) and responses that carry no
  link to a person or an invitation: role, audience, month and four scores;
- `results`: pure: averages per role and per month, hidden below MIN_RESPONSES;
- `service`: invite (mail with the link), answer once, read the results a user may see;
- `views`: the public survey page, the invite button, the results on the analytics page.
"""
