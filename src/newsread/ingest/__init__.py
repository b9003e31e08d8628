"""Parsers that turn sources into `ParsedArticle` values; one module per format."""
