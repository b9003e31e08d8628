"""Sources: telling what a SOURCE argument is, reading files and folders, OPML, adding.

The modules here are plain functions over a `Library`; `adding` also fetches
(through `newsread.ingest.fetch`) and refreshes what an OPML file imports.
"""
