"""`python -m newsledger` runs the CLI."""

from newsledger.cli import main

if __name__ == "__main__":
    main()
