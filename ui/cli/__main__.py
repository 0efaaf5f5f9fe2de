"""``python -m ui.cli``: the same command line as the ``embedding-advisor`` script."""

from ui.cli.app import main

main()
