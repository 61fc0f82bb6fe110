"""The project sheet: its model with typed answer paths, parsing untrusted data into it with every
schema problem listed, and composing one from answers (wizard or file) so both give the same bytes.
"""
