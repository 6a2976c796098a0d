"""Front door pages, one module per journey: referrer, checks, hub, decisions, advice.

Thin views: each reads through ``selectors`` and writes through one ``services`` call.
"""
