"""Interview kits: the question bank (per SEARCH dimension, Dutch and English, with what a good
answer shows and the only follow-ups a chat interviewer may use) and the guide built from a
role's profile and the candidate's unknown or weak dimensions."""
