"""Shared basics below everything else: the error tree, message records, bilingual texts, "did you mean"."""
