"""Transcripts of calls and interviews: parsing (plain text, WebVTT, SRT, speakers kept),
the offline analysis (summary, SEARCH evidence with quotes, the candidate's questions and
agreements) and the checks around it (quotes verified, third parties redacted, injection text
flagged). Pure functions; the service stores the result."""
