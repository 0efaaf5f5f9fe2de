"""The ``embedding-advisor`` command line: commands, the terminal chat and rich rendering."""
