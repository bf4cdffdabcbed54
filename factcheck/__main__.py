"""`python -m factcheck`: the same command as `factcheck`."""

from factcheck.cli import main

main()
