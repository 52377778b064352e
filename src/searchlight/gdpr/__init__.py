"""GDPR rights that really work: purpose, legal basis and consent; retention and purge;
subject access export; erasure with four eyes and a ledger.

- `models`: consent records, erasure requests and the erasure ledger;
- `service`: consent (record, withdraw), the transparency notice (one source of truth: the
  careers notice table, versioned per language);
- `retention`: what the retention rules say is due, and the purge;
- `export`: everything about a person as JSON plus the stored files;
- `erasure`: the erasure rules per table (`coverage`), carrying them out, and the ledger.
"""
