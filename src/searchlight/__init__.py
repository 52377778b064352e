"""Searchlight: recruit AI specialists and reskill staff with one model, the SEARCH profile."""
