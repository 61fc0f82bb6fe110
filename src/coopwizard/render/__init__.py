"""What people and scripts read: a view model of an audited sheet, then one module per output
format (the check report as text or JSON, the guide tables, Markdown, the JSON Schema) and the
registry of sheet formats. Renderers return strings or bytes; they never write.
"""
