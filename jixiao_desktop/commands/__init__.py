"""Subcommands of the ``jixiao`` command line, one module each."""
