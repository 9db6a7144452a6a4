"""``python -m emaillint`` and the ``emaillint`` command.

``--version`` alone is answered here, before argparse and the command line's modules are
imported: they were two fifths of its 37 ms (``python -X importtime``, docs/performance.md).
"""

import sys

from emaillint import __version__


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"emaillint {__version__}\n")
        return 0
    from emaillint.cli import main as command_line

    return command_line()


if __name__ == "__main__":
    raise SystemExit(main())
