"""Input and output with the outside world: untrusted text files read with limits and written atomically,
safe YAML with located nodes, Markdown front matter, Rich markup without Rich, and the consoles.

Nothing here knows the guide or the sheet: it moves text and data in and out safely.
"""
