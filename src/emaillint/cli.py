"""Command line: arguments -> Settings, and the small informational subcommands.

Start-up is a feature: this module imports only argparse. ``--version`` and ``--help``
never load plugins or the schema validator; each subcommand imports what it needs.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from emaillint import __version__
from emaillint.report import FORMATS
from emaillint.settings import Settings
from emaillint.vocabulary import EXIT_CLEAN, EXIT_ERROR

COMMANDS = ("check", "probe", "rules", "explain", "plugins", "providers", "dialects", "schema", "lsp")


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one line on stderr and exit 2, not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"emaillint: error: {message} (see '{self.prog} --help')\n")


def _plugin_options() -> argparse.ArgumentParser:
    """What decides which plugins load, for every command: each of them loads plugins."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--config", metavar="FILE",
                         help="project configuration to use (a pyproject.toml or .emaillint.yaml) instead "
                              "of the nearest one")
    options.add_argument("--disable-plugin", action="append", default=[], metavar="NAME",
                         help="do not load the plugin NAME (repeatable; added to the project's disable_plugins)")
    options.add_argument("--plugin-timeout", type=_seconds, default=None, metavar="S",
                         help="seconds one plugin call may take before it is skipped for the rest of the run"
                              " (default: the project's plugin_timeout, else 10)")
    return options


def build_parser() -> argparse.ArgumentParser:
    plugin_options = _plugin_options()
    parser = _Parser(
        prog="emaillint",
        description="Lint YAML email (SMTP) configs: hosts, ports and TLS, retired sign-in methods, "
                    "plaintext passwords, and the recipient quotas CC and BCC eat into.",
        epilog="Without a command, 'check' is assumed: emaillint config/ is emaillint check config/.",
    )
    parser.add_argument("--version", action="version", version=f"emaillint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", parents=[plugin_options],
                                help="lint files and directories (the default command)",
                                description="Lint files and directories. Directories are walked for "
                                            "*.yaml and *.yml files; named files are linted whatever their "
                                            "name, unless the project configuration excludes them.")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or directories to lint ('-' reads standard input; default: .)")
    _report_options(check)
    check.add_argument("--stdin-filename", metavar="PATH",
                       help="the path of the text on standard input, for messages and excludes (editors)")
    check.add_argument("--as-of", metavar="YYYY-MM-DD", type=_date, default=None,
                       help="date that decides retired vs announced sign-in methods "
                            "(default: the project's as_of, else today)")
    _reading_options(check, "check ${NAME} references with their values from the current environment")
    check.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N",
                       help="worker processes for runs of 200 files or more (default: 0, one per core)")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true",
                        help="apply the safe fixes (findings marked [*]) in place, then report what is left;"
                             " with '-', print the fixed text (docs/fix.md)")
    fixing.add_argument("--diff", action="store_true",
                        help="print what --fix would change as a unified diff and write nothing; exit 1 if"
                             " there is something to fix")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, apply the unsafe fixes too (they change what runs: another"
                            " port, another sign-in)")
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument("--baseline", metavar="FILE",
                          help="report only findings that are not in this baseline (default: the project's baseline)")
    baseline.add_argument("--write-baseline", metavar="FILE",
                          help="record this run's findings in FILE, the only file check ever writes; then report"
                               " as --baseline FILE does")
    baseline.add_argument("--no-baseline", action="store_true",
                          help="report every finding, whatever baseline the project configuration names")

    probe = commands.add_parser("probe", parents=[plugin_options],
                                help="connect to each account's server and check what it offers (no sign-in,"
                                     " no mail)",
                                description="Connect to the host and port of each account in these files, as it"
                                            " is configured (implicit TLS, STARTTLS or none), and report what the"
                                            " server really does: greeting, TLS, certificate, AUTH mechanisms. It"
                                            " sends no credentials and no mail: EHLO, STARTTLS and QUIT only.")
    probe.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or directories whose accounts to probe ('-' reads standard input; default: .)")
    _report_options(probe)
    _reading_options(probe, "probe ${NAME} references with their values from the current environment"
                            " (passwords are never read)")
    probe.add_argument("--timeout", type=_seconds, default=10.0, metavar="S",
                       help="seconds to wait for the connection and for each reply (default: 10)")
    probe.add_argument("--cafile", metavar="PATH",
                       help="trust the CA certificates in this PEM file instead of the system's (which honour"
                            " SSL_CERT_FILE)")
    probe.add_argument("-j", "--jobs", type=_connections, default=4, metavar="N",
                       help="servers probed at once (default: 4); accounts that share a host, port and TLS mode"
                            " share one connection")

    commands.add_parser("rules", parents=[plugin_options],
                        help="list every rule: id, default severity, plugin, summary")
    explain = commands.add_parser("explain", parents=[plugin_options],
                                  help="explain a rule, with a bad and a good example")
    explain.add_argument("rule", metavar="RULE")
    commands.add_parser("plugins", parents=[plugin_options], help="list installed plugins and their versions")
    providers = commands.add_parser("providers", parents=[plugin_options], help="list each provider's correct settings")
    providers.add_argument("--all", action="store_true",
                           help="also every fact's source and confidence, and the ISPDB index for hosts no sheet knows")
    commands.add_parser("dialects", parents=[plugin_options], help="list the config formats emaillint reads")
    schema = commands.add_parser("schema", parents=[plugin_options],
                                 help="print the JSON Schema of emaillint's config format")
    schema.add_argument("--draft", choices=("2020-12", "7"), default="2020-12",
                        help="JSON Schema version: 2020-12 (the default) or 7, the one editors read"
                             " (yaml-language-server)")
    commands.add_parser("lsp", parents=[plugin_options],
                        help="run a language server on stdio for editors (pip install 'emaillint[lsp]')",
                        description="A Language Server over stdio: diagnostics as you type, quick fixes,"
                                    " suppressions and hover, with the project configuration of each"
                                    " document's folder. See docs/editors.md.")
    return parser


def _report_options(command: argparse.ArgumentParser) -> None:
    """What the commands that report findings share: the format and the rule selection."""
    command.add_argument("--format", choices=("auto", *FORMATS), default="auto",
                         help="output format (default: auto, which is github inside GitHub Actions and text"
                              " elsewhere)")
    command.add_argument("--select", action="append", type=_rule_list, metavar="RULE[,RULE]",
                         help="report only these rules (replaces the project's select)")
    command.add_argument("--ignore", action="append", type=_rule_list, default=[], metavar="RULE[,RULE]",
                         help="do not report these rules (added to the project's ignore)")
    command.add_argument("--strict", action=argparse.BooleanOptionalAction, default=None,
                         help="warnings fail the run too (exit 1); --no-strict overrides the project's strict")


def _reading_options(command: argparse.ArgumentParser, resolve_env: str) -> None:
    """What the commands that read configs share: how to read them and how to show findings."""
    command.add_argument("--dialect", metavar="NAME",
                         help="read every file as this dialect instead of detecting it (see 'emaillint dialects')")
    command.add_argument("--resolve-env", action="store_true", help=resolve_env)
    command.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                         help="colour the severity in text output (default: auto; NO_COLOR is honoured)")


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds between 0 and 3600")
    return seconds


def _connections(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of connections (1 or more)")
    return int(text)


def _jobs(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes (0 means one per core)")
    return int(text)


def _date(text: str) -> str:
    from datetime import date

    from emaillint.config import ISO_DATE

    try:
        if not ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD") from None


def _rule_list(text: str) -> tuple[str, ...]:
    rules = tuple(rule.strip() for rule in text.split(",") if rule.strip())
    if not rules:
        raise argparse.ArgumentTypeError("expected rule ids separated by commas, e.g. cc-quota,legacy-auth")
    return rules


def _settings(args: argparse.Namespace) -> Settings:
    """What check and probe read alike from their command lines."""
    return Settings(
        paths=tuple(args.paths or ["-" if getattr(args, "stdin_filename", None) else "."]),
        format=args.format,
        dialect=args.dialect,
        resolve_env=args.resolve_env,
        disable_plugins=tuple(args.disable_plugin),
        color=args.color,
        select=sum(args.select, ()) if args.select is not None else None,
        ignore=sum(args.ignore, ()),
        strict=args.strict,
        config=args.config,
        plugin_timeout=args.plugin_timeout,
    )


_VALUED = ("--config", "--disable-plugin", "--plugin-timeout")
"""The options every command takes that have a value: ``--disable-plugin gmail explain x``."""


def _command_first(args: list[str]) -> list[str]:
    """``args`` with a command written after the options every command shares moved to the
    front, where argparse looks for it: in ``--disable-plugin gmail explain cc-quota``,
    ``explain`` is the command, not a path."""
    skip = False
    for index, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == "--":
            break
        elif arg in _VALUED:
            skip = True
        elif not arg.startswith("-"):
            return [arg, *args[:index], *args[index + 1:]] if arg in COMMANDS and index else args
        elif not arg.startswith(tuple(f"{option}=" for option in _VALUED)):
            break  # an option of check's own: what follows is check's
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _command_first(list(sys.argv[1:] if argv is None else argv))
    if not args_list or (args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help", "--version")):
        args_list.insert(0, "check")
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command == "check" and args.stdin_filename and args.paths and "-" not in args.paths:
        parser.error("--stdin-filename names standard input: add '-' to the paths")
    try:
        return _dispatch(args)
    except BrokenPipeError:  # `emaillint ... | head`
        sys.stderr.close()
        return EXIT_CLEAN
    except KeyboardInterrupt:
        sys.stderr.write("emaillint: interrupted\n")
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "check":
        from emaillint.run import run

        return run(_settings(args)._replace(as_of=args.as_of or "", stdin_filename=args.stdin_filename,
                                            jobs=args.jobs, baseline=args.baseline,
                                            write_baseline=args.write_baseline, no_baseline=args.no_baseline,
                                            fix=args.fix, unsafe_fixes=args.unsafe_fixes, diff=args.diff))
    if args.command == "probe":
        from emaillint.probe import Connection, probe

        return probe(_settings(args), Connection(args.timeout, args.cafile, args.jobs))
    if args.command == "lsp":
        try:
            from emaillint.lsp import main as serve
        except ImportError as exc:
            if exc.name not in ("pygls", "lsprotocol"):
                raise
            sys.stderr.write("emaillint: error: the language server needs pygls: pip install 'emaillint[lsp]'\n")
            return EXIT_ERROR
        return serve(args.config, tuple(args.disable_plugin), args.plugin_timeout)
    from emaillint import commands
    from emaillint.config import ConfigError

    try:
        return getattr(commands, args.command)(args, sys.stdout)
    except ConfigError as exc:
        sys.stderr.write(f"emaillint: error: {exc}\n")
        return EXIT_ERROR
