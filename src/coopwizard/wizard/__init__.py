"""The wizard behind `coop new` and `coop edit`: questions from the checklist, asked in a meeting's order."""
