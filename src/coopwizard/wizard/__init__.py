"""The wizard: the flow over primitive prompts (project, partners, level, twelve topics, review), the
screens between questions, drafts that keep every answer, `coop edit`'s plan, and the front end that
draws prompts with questionary: the only place questionary and prompt_toolkit are imported.
"""
