"""The Textual face of newsread. The only package allowed to import Textual."""
