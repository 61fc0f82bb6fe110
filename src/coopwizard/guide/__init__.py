"""The guide as data: the checklist model (levels, topics, questions, pitfalls, practices), one object
per question type (how its answers are checked, described in a schema, shown and asked), the
validating loader, and the compiled cache.

The guide knows nothing of sheets: a sheet is answers to the guide's questions (see `sheet/`).
"""
