"""The values that flow through the engine: findings, accounts and their positions.

They are NamedTuples rather than dataclasses because emaillint runs on every commit:
a frozen dataclass costs about a millisecond of start-up per class, a NamedTuple a tenth
of that, and both are immutable, typed and picklable (worker processes send them back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Literal, Mapping, NamedTuple
from emaillint.vocabulary import (  # severities and exit codes: their home is the vocabulary, the CLI reads them
    EMPTY, ERROR, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, INFO, NO_SIGN_IN, NO_TLS, SEVERITIES, STARTTLS,
    STARTTLS_OPTIONAL, TLS, WARNING,
)

if TYPE_CHECKING:  # the data sheets' types, for annotations only: no import at start-up
    from emaillint.provider import FoundSecret, Plan, Provider



class Position(NamedTuple):
    """1-based line and column of a YAML node."""

    line: int
    column: int


OWN_FORMAT = "emaillint"
"""The dialect name of emaillint's own format, where every account field is a key."""


Applicability = Literal["safe", "unsafe", "display-only"]
SAFE: Applicability = "safe"
"""The fix makes the file do what the user evidently meant: ``--fix`` applies it."""
UNSAFE: Applicability = "unsafe"
"""The fix changes what runs (another port, another sign-in): only ``--unsafe-fixes``."""
DISPLAY_ONLY: Applicability = "display-only"
"""Shown, never applied (moving a secret out of the file is for a person to do)."""


class Edit(NamedTuple):
    """Replace the characters ``start`` to ``end`` of the file's text with ``text``."""

    start: int
    end: int
    text: str


class Fix(NamedTuple):
    """What to write, as edits of the original text (never a re-dump of the YAML), and
    whether ``--fix`` may apply it. ``title`` says what the edits do."""

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = SAFE


class Finding(NamedTuple):
    path: str
    line: int
    column: int
    rule: str
    severity: str
    message: str
    account: str | None = None
    provider: str | None = None
    details: Mapping[str, Any] | None = None
    """Facts behind the message, as JSON values (what ``probe`` saw: the greeting, SIZE, the
    AUTH mechanisms); JSON output shows them, SARIF puts them in the result's properties."""
    help: str = ""
    """What to write instead, in the format's own keys, apart from the ``message`` (what is wrong)."""
    fix: Fix | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.rule, self.message)


class Problem(NamedTuple):
    """What a rule reports: the engine adds path, position, rule id and account.

    ``where`` names the account field responsible (``"port"``, ``"cc.1"``); the finding
    points at that field's node, or at the account when the field is absent.
    ``severity`` overrides the rule's default, for rules whose severity depends on a date.
    """

    where: str
    message: str
    severity: str | None = None
    help: str = ""
    """What to write instead (``message`` says what is wrong)."""
    fix: Fix | None = None
    """The edits that write it, where the rule can make them (``Account.span`` says where a
    field is written)."""


class Secret(NamedTuple):
    """A credential as the linter sees it: its kind, never its value.

    kinds: ``reference`` (``${NAME}``, expanded by the program that reads the file),
    ``store`` (a secret-store reference such as Home Assistant's ``!secret``),
    ``template`` (``{{ ... }}``, rendered before use), ``lookalike`` (looks like a
    reference but is not expanded, e.g. ``$NAME`` in emaillint's own format),
    ``literal`` (the secret itself is in the file), ``placeholder`` (text meant to be
    replaced, ``your-app-password``) and ``empty``. A kind whose ``detail`` is
    ``INTERPOLATION_DEFAULT`` is the fallback of an interpolation: ``${SMTP_PASS:-hunter2}``
    is a ``literal`` (the reference is there, but so is a password), ``${SMTP_PASS:-}`` is
    ``empty`` (no credential unless the variable is set, so ``has_credentials`` is false).
    """

    kind: str
    detail: str = ""


INTERPOLATION_DEFAULT = "default"


class Conflict(NamedTuple):
    """Settings of one account that ask for different security modes.

    ``settings`` name them as written (``mail.smtp.ssl.enable: true``). Only the dialect
    knows what its program makes of the mix, so it says so, in the program's words:
    ``outcome`` is what happens, one short clause (the message reads ``A and B: outcome``
    and holds at most 100 characters: "Django refuses to send"); ``fix`` is what to write,
    starting with a verb, and is the finding's help ("keep EMAIL_USE_TLS=True for port 587
    or EMAIL_USE_SSL=True for port 465, not both"), where the error the program prints may
    follow in parentheses. ``fails`` marks a mix that stops
    mail going out rather than only misleading the next reader; ``where`` names the
    account field whose position the finding takes.
    """

    settings: tuple[str, ...]
    outcome: str
    fix: str
    where: str = "security"
    fails: bool = False


class Unexpanded(NamedTuple):
    """A value that looks like a reference but that the program reading the file uses as written.

    ``text`` is what the file says (the key alone for a password, whose value is never
    repeated); ``fix`` says what to write instead in the program's terms, for the finding's
    help ("write the value, or render this file (envsubst) before Alertmanager reads it");
    ``outcome`` what the program does with it, for the message ("Alertmanager expands no
    environment variables"; "" says only that it is not expanded).
    """

    text: str
    fix: str
    edit: Fix | None = None
    """The fix that writes the form that works (``${NAME}`` for ``$NAME``), where there is one;
    its title is then the help."""
    outcome: str = ""


SECURITY_WORDS = {STARTTLS: "STARTTLS", STARTTLS_OPTIONAL: "optional STARTTLS", TLS: "implicit TLS",
                  NO_TLS: "no TLS"}
"""Security modes in words, for formats that have no setting for one."""


class Spelling(NamedTuple):
    """How a format writes what messages advise, so they tell users what to write in their
    own format (``spring.mail.port: 587``, ``smtp_smarthost: 'smtp.example.com:587'``).

    ``program`` names the program that reads the file (``default-port``: "so JavaMail
    uses 25"). ``fields`` maps an account field to how its key is written, ``{}`` standing
    for the value (``"port"`` -> ``"spring.mail.port: {}"``; read by every rule whose
    advice names a field: host, port, username, password, sender, auth, plan).
    ``security`` maps each security mode to how this format asks for it
    (``port-security-mismatch``, ``cleartext-auth``, ``provider-security``);
    ``verify_off`` is how the file turned certificate checks off
    (``cert-verification-off``). A field or mode left out is one the format has no
    setting for: messages then say what to do without naming a key. The strings name
    settings only, no caveats: they appear inside messages of at most 100 characters, and
    what a format cannot do ("GitLab cannot require STARTTLS") follows from the mode it
    leaves out, which the rule's help then says.
    """

    program: str = ""
    fields: Mapping[str, str] = {}
    security: Mapping[str, str] = {}
    verify_off: str = ""


class Account(NamedTuple):
    """One outgoing-mail account in the engine's common model, whatever dialect it came from.

    A field is None when the file does not set it or sets it to a reference that is
    unknown at lint time (those field names are in ``references``); rules check only
    what is there. ``security`` is one of ``tls`` (implicit TLS), ``starttls``
    (STARTTLS required), ``starttls-optional`` (opportunistic) or ``none``.
    ``auth`` is ``unknown`` where the format has no way to say how the account signs in
    (an app password and an account password look alike) and nothing else tells.

    What dialects add: ``defaults`` names the fields whose value is the program's default
    rather than written in the file; ``conflicts`` lists settings that disagree about
    security; ``unexpanded`` maps fields to reference look-alikes the program will not
    expand; ``spelling`` (a ``Spelling``) says how this format writes each field and
    security mode, so messages tell users what to write in their own format.
    ``positions`` maps the places of the account (a field name, ``cc.1`` for an item,
    ``conflicts.0`` for a conflict) to where they are written. Dialects build accounts
    with the kit (``emaillint.api.Reader``), which checks every field name it is given.
    """

    name: str
    dialect: str
    position: Position
    provider: str | None = None
    plan: str | None = None
    host: str | None = None
    port: int | None = None
    security: str | None = None
    verify_cert: bool | None = None
    auth: str | None = None
    username: str | None = None
    password: Secret | None = None
    sender: str | None = None
    to: int = 1
    to_addresses: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    messages_per_day: int | None = None
    references: frozenset[str] = frozenset()
    extra: Mapping[str, Any] = {}
    positions: Mapping[str, Position] = {}
    defaults: frozenset[str] = frozenset()
    conflicts: tuple[Conflict, ...] = ()
    unexpanded: Mapping[str, Unexpanded] = {}
    spelling: Spelling = Spelling()

    def where(self, field: str) -> Position:
        """The node to blame for ``field``: the field itself, or the account."""
        return self.positions.get(field, self.position)

    def span(self, field: str, *, key: bool = False) -> tuple[int, int] | None:
        """Character offsets of where ``field``'s value (or key) is written in the file, for
        a fix's edits; None where it is not written, or not in the file's own text."""
        span = getattr(self.positions, "span", None)
        return span(field, key=key) if span is not None else None

    def setting(self, field: str, value: Any) -> str:
        """How to write ``field: value`` in the account's own format, for messages; in words
        where the format has no way to ask for a security mode (PeerTube cannot require
        STARTTLS: "with STARTTLS")."""
        if field == "security" and self.spelled(field, value) is None:
            return SECURITY_WORDS.get(value, str(value))
        return self.spelled(field, value) or f"{field}: {value}"

    def spelled(self, field: str, value: Any) -> str | None:
        """``setting``, or None where the account's format has no such setting, so a
        message can say what to do instead of naming a key that does not exist."""
        spelling = self.spelling
        if field == "security":
            text = spelling.security.get(value)
        elif field == "verify_cert" and value is False:
            text = spelling.verify_off
        else:
            text = spelling.fields.get(field)
        return text.replace("{}", str(value)) if text else None

    @property
    def recipients_per_message(self) -> int:
        return self.to + len(self.cc) + len(self.bcc)

    @property
    def has_credentials(self) -> bool:
        if self.auth == NO_SIGN_IN:
            return False
        return bool(self.username) or (self.password is not None and self.password.kind != EMPTY)


class Context(NamedTuple):
    """What the engine worked out about an account before running rules on it.

    ``provider`` is the provider the account is checked against (None: provider rules
    are skipped), found ``via`` an explicit ``provider`` key, the host, or the
    username's domain. ``plan_note`` says how the plan was chosen when the file does
    not name it, as a plain clause ("plan not set; a gmail.com username means Gmail free:
    set plan: to be exact"); quota findings repeat it at the end of their help. The
    ``*_provider`` fields say which provider owns the host, the username's domain and the
    From domain, for the mismatch rules.
    ``plans`` are the plans the account may be on: the one the file names, else those
    that username and host leave (``plan`` is the most restrictive of them), so a rule
    can tell whether the plan it assumed changes its verdict. ``secrets`` are the
    providers' secrets (``FoundSecret``: field, shape, provider) the engine recognised in
    the account's fields, the password included, whose value the account never holds.
    """

    provider: Provider | None = None
    plan: Plan | None = None
    plan_note: str = ""
    via: str = ""
    as_of: str = ""
    host_provider: Provider | None = None
    domain_provider: Provider | None = None
    sender_provider: Provider | None = None
    plans: tuple[Plan, ...] = ()
    secrets: tuple[FoundSecret, ...] = ()


class Rule(NamedTuple):
    """A rule: its id, default severity, a one-line summary and its explanation.

    ``explanation`` is what ``emaillint explain`` prints, with the sections *What it
    does*, *Why is this bad*, *Example* and *Use instead*. ``scope`` says how the engine
    runs ``check``:

    - ``account``: ``check(account, context)`` yields ``Problem``s for one account;
    - ``run``: ``check(account, context)`` returns a small picklable record (or None) per
      account, and ``finish(records)`` yields ``Finding``s once every file is linted;
    - ``engine``: no ``check``; the engine itself reports it (yaml-syntax, schema, ...).

    ``plugin`` is filled in by the registry with the name of the plugin that added it.
    """

    id: str
    severity: str
    summary: str
    explanation: str
    check: Callable[..., Any] | None = None
    scope: str = "account"
    finish: Callable[[list[Any]], Iterable[Finding]] | None = None
    plugin: str = ""


class Reading(NamedTuple):
    """What a dialect read from one document.

    ``secrets`` are the literal secret values found in the document; the engine removes
    them from every message about this document, whatever rule or plugin wrote it.
    """

    accounts: list[Account]
    findings: list[Finding]
    secrets: frozenset[str] = frozenset()


class Dialect(NamedTuple):
    """A config format emaillint understands, mapped onto ``Account``.

    ``detect(document)`` says whether a YAML document is in this dialect (by content);
    ``read(document, options)`` maps it to accounts, keeping every field's position.

    ``needles`` are words a file in this dialect always holds as written (a key such as
    ``smtp_settings``): a file with none of them is never offered to ``detect``, so most
    YAML in a repository costs a few substring searches instead of every dialect probing
    its nodes. Empty (the default): ``detect`` sees every document.
    """

    name: str
    summary: str
    detect: Callable[[Any], bool]
    read: Callable[[Any, Any], Reading]
    plugin: str = ""
    needles: tuple[str, ...] = ()


class ReadOptions(NamedTuple):
    """What a dialect's ``read`` may use besides the document.

    ``schema`` validates emaillint's own format (with plugins' extra keys); ``environ``
    resolves ``${NAME}`` references when the user asked for it (``--resolve-env``) and
    is empty otherwise.
    """

    schema: Any
    environ: Mapping[str, str] = {}
