"""coopwizard: plan a project between associations, the way the Cergy guide says."""

__version__ = "0.1.0"
