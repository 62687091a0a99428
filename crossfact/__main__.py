"""`python -m crossfact`: the same as the `crossfact` command."""

from crossfact.cli import main

main()
