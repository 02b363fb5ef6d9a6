"""``python -m sci_workers_day``: the command line."""

from sci_workers_day.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
