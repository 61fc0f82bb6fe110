"""The audit: which level a partnership reaches, the rules (pitfalls and practices, one registry),
the audit of one sheet into findings, and the service behind `coop check` (files, many processes).

Pure: sheets and the checklist in, findings out (message keys, never final strings).
"""
