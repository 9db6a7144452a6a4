"""The dialect kit: what every config format's reader does, done once, for built-in and
third-party dialects alike.

A dialect is a data sheet about one program: which keys it reads and what each means
(``Key``), how it expands ``$``-expressions (an ``interpolation`` function), its
defaults, and how its keys are written in advice (``Spelling``, derived from the same
keys). The kit walks the document with positions (``mapping``, ``flatten``,
``environment``), decodes the shared scalar forms (``boolean``, ``port``, ``host_port``,
``url``), reads each value through the program's interpolation into one ``Draft``
account (references, look-alikes, fallbacks and literal secrets are recorded as such,
and literal secrets are redacted from every message), infers the sign-in method from a
literal password where the format cannot say it, reports keys the program does not know
with the one "did you mean", and checks what it builds: a spelling or a position for a
field the model does not have is a ``KitError`` at once, which the engine reports as the
dialect's ``plugin-error``. A dialect writes code only for what data cannot say: the
program's security decision, and its own traps.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping, NamedTuple

from emaillint import credentials, fixing, vocabulary
from emaillint.escape import printable
from emaillint.interpolation import FALLBACK, PLAIN, UNEXPANDED, Interpolation, Value
from emaillint.model import (
    INTERPOLATION_DEFAULT,
    Account,
    Conflict,
    Edit,
    Finding,
    Fix,
    Position,
    Reading,
    Secret,
    Spelling,
    Unexpanded,
)
from emaillint.suggest import closest
from emaillint.vocabulary import EMPTY, LITERAL, LOOKALIKE, PLACEHOLDER, REFERENCE, STORE, UNKNOWN_SIGN_IN, Field

Path = tuple[Any, ...]


class KitError(ValueError):
    """A dialect asked the kit for something the account model does not have."""


# --- walking the document -------------------------------------------------------------
class Setting(NamedTuple):
    """One key of a config as the program sees it: its value, where it is, and its name as
    written (``label``), which messages quote."""

    value: Any
    path: Path
    label: str


def mapping(doc: Any, path: Path) -> dict[str, Setting]:
    """The keys of the mapping at ``path`` (empty when there is none)."""
    data = doc.get(path)
    if not isinstance(data, dict):
        return {}
    return {str(key): Setting(value, path + (key,), str(key)) for key, value in data.items()}


def flatten(doc: Any, root: str) -> dict[str, Setting]:
    """Every scalar under the top-level key ``root`` by its dotted name, however the keys
    were split: ``spring: mail: host:``, ``spring.mail.host:`` and ``"[mail.smtp.auth]"``
    (Spring's brackets) are all ``spring.mail.host`` / ``...mail.smtp.auth``."""
    found: dict[str, Setting] = {}
    stack: list[tuple[Any, Path, tuple[str, ...]]] = []
    data = doc.data
    if isinstance(data, dict):
        stack = [(value, (key,), (key,)) for key, value in reversed(list(data.items()))
                 if key == root or str(key).startswith(root + ".")]
    while stack:
        value, path, name = stack.pop()
        if isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                part = key[1:-1] if key.startswith("[") and key.endswith("]") else key
                stack.append((item, path + (key,), name + (part,)))
        else:
            dotted = ".".join(name)
            found[dotted] = Setting(value, path, dotted)
    return found


def environment(doc: Any, path: Path) -> dict[str, Setting]:
    """A process environment in either form docker-compose (and Discourse, Kubernetes
    manifests turned into maps) writes: ``KEY: value`` or ``- KEY=value``. A bare ``- KEY``
    takes its value from the shell at run time: its ``value`` is None."""
    raw = doc.get(path)
    env: dict[str, Setting] = {}
    if isinstance(raw, dict):
        for key, value in raw.items():
            text = None if value is None else str(value).lower() if isinstance(value, bool) else str(value)
            env[str(key)] = Setting(text, path + (key,), str(key))
    elif isinstance(raw, list):
        for i, item in enumerate(raw):
            if isinstance(item, str) and item.strip():
                key, equals, text = item.partition("=")
                env[key.strip()] = Setting(text if equals else None, path + (i,), key.strip())
    return env


# --- the scalar forms the formats share ----------------------------------------------
_TRUE = frozenset(("true", "yes", "on", "1", "y"))
_FALSE = frozenset(("false", "no", "off", "0", "n"))


def boolean(value: Any) -> bool | None:
    """A YAML boolean, or the text forms programs accept (``"true"``, ``"1"``); None otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return {1: True, 0: False}.get(value)
    if isinstance(value, str):
        text = value.strip().lower().lstrip(":")  # Ruby symbols: :true is not a thing, but people write it
        return True if text in _TRUE else False if text in _FALSE else None
    return None


def port(value: Any) -> int | None:
    """A TCP port from an integer or its digits; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and 0 < value < 65536 else None


class HostPort(NamedTuple):
    host: str
    port: int | None
    problem: str = ""
    """Why the port part is missing or unusable ("" when it is fine)."""


def host_port(text: str) -> HostPort:
    """``smtp.example.com:587``, ``[2001:db8::1]:25``; the port part is mandatory."""
    text = text.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if not rest.startswith(":"):
            return HostPort(host, None, "has no port")
        number = rest[1:]
    else:
        host, colon, number = text.rpartition(":")
        if not colon:
            return HostPort(text, None, "has no port")
    parsed = port(number)
    if parsed is None:
        return HostPort(host, None, f"has no valid port ('{number}')" if number else "has an empty port")
    return HostPort(host, parsed)


class Url(NamedTuple):
    """``scheme://user:password@host:port``; parts the text leaves out are empty (None port)."""

    scheme: str
    username: str
    password: str
    host: str
    port: int | None


def url(text: str) -> Url | None:
    """A URL-form setting (Authelia's ``submissions://smtp.example.com:465``); None when the
    text has no ``scheme://``. The userinfo runs to the last '@', since people put
    unencoded '@' in usernames (``smtp://me@example.com:p@ss@smtp.example.com``)."""
    scheme, sep, rest = text.strip().partition("://")
    if not sep or not scheme.replace("+", "").replace("-", "").isalnum():
        return None
    rest = rest.split("/", 1)[0] if "@" not in rest.split("/", 1)[-1] else rest
    userinfo, at, location = rest.rpartition("@")
    username, _, password = userinfo.partition(":") if at else ("", "", "")
    split = host_port(location)
    return Url(scheme.lower(), username, password, split.host if split.port else location.strip("[]"), split.port)


def secret_ref(value: Any) -> bool:
    """A Kubernetes Secret key reference (``{name: smtp, key: password}``, the form the
    Prometheus operator and Helm charts take): the value lives in the cluster."""
    return isinstance(value, dict) and "name" in value and "key" in value


# --- what the keys mean ---------------------------------------------------------------
class Key(NamedTuple):
    """What one of the program's keys sets.

    ``field`` is the account field, or None for a key the program reads that says
    nothing about sending mail (it is known, so it is not reported as unknown).
    ``values`` maps the program's words to the model's (``encryption: tls`` -> ``TLS``);
    ``invert`` marks a flag whose true turns the field off (``skip_verify: true``).
    """

    field: Field | None = None
    values: Mapping[str, Any] = {}
    invert: bool = False
    otherwise: str = ""
    """For ``values``: what the program does with a word it does not know ("refuses to start")."""
    choices: str = ""
    """For ``values``: the words to suggest, in prose (default: all of them)."""
    split: str = ""
    """For ``to``/``cc``/``bcc`` written as one text: what the program splits addresses at."""


Keys = Mapping[str, "Key | str | None"]
"""Key name -> ``Key``, or just the field name, or None (known, read elsewhere or unused).
Several names may set one field; the first one listed is the one advice suggests."""


def _key(spec: Key | str | None) -> Key:
    return spec if isinstance(spec, Key) else Key(spec)


def spelling(program: str, keys: Keys = {}, form: str = "{key}: {value}", *,
             fields: Mapping[str, str] = {}, security: Mapping[str, str] = {}, verify_off: str = "") -> Spelling:
    """How the format writes each field, derived from its keys: the first key listed for a
    field, in ``form``; enumerated values spell the security modes; the explicit
    arguments override (for what no single key says, such as a password kept in a file).
    """
    derived: dict[str, str] = {}
    modes: dict[str, str] = {}
    off = ""
    for name, spec in keys.items():
        key = _key(spec)
        if key.field is None:
            continue
        if key.field == "security":
            for word, mode in key.values.items():
                modes.setdefault(mode, form.format(key=name, value=word))
        elif key.field == "verify_cert":
            off = off or form.format(key=name, value="true" if key.invert else "false")
        else:
            derived.setdefault(key.field, form.format(key=name, value="{}"))
    return checked_spelling(Spelling(program, {**derived, **fields}, {**modes, **security}, verify_off or off))


class Frozen(Mapping):
    """A read-only mapping the kit made after checking it, so it is checked once, not for
    every account that shares it (a dialect's spelling is one constant for all its files)."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Any]) -> None:
        self._items = {key: _read_only(value) for key, value in items.items()}

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Any:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return repr(self._items)


def _read_only(value: Any) -> Any:
    """A value of an account as rules see it: lists as tuples and mappings as ``Frozen``, however
    deep (a plugin's account key may hold a list: no rule may append to it for the next)."""
    if isinstance(value, Frozen) or isinstance(value, (str, int, float, type(None))):
        return value
    if isinstance(value, Mapping):
        return Frozen(value)
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return tuple(_read_only(item) for item in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(value)
    return value


def checked_spelling(spelled: Spelling) -> Spelling:
    """``spelled``, read-only, or a ``KitError`` naming a field or security mode the model
    does not have."""
    if not isinstance(spelled, Spelling):
        raise KitError(f"spelling must be a Spelling (from emaillint.api), not {type(spelled).__name__}")
    if isinstance(spelled.fields, Frozen) and isinstance(spelled.security, Frozen):
        return spelled
    for field in spelled.fields:
        if field not in vocabulary.FIELDS:
            raise KitError(_unknown_name("spelling field", field, vocabulary.FIELDS))
    for mode in spelled.security:
        if mode not in vocabulary.SECURITY_MODES:
            raise KitError(_unknown_name("security mode", mode, vocabulary.SECURITY_MODES))
    return spelled._replace(fields=Frozen(spelled.fields), security=Frozen(spelled.security))


def checked_place(place: str) -> str:
    """``place`` if it names a field of the account (``port``, ``cc.1``, ``conflicts.0``, or
    "" for the account itself), else a ``KitError`` with the closest field."""
    if is_place(place):
        return place
    raise KitError(_unknown_name("account field", place, vocabulary.FIELDS))


def checked_place_hint(place: Any) -> str:
    """What to write instead of a ``place`` that names no account field."""
    close = closest(str(place), vocabulary.FIELDS)
    return (f"did you mean '{close}'?" if close else
            f"name one of {', '.join(vocabulary.FIELDS)}, an item such as 'cc.1', or '' for the account")


class Places(Mapping):
    """An account's positions, read from the document only when a finding needs one: most
    accounts have no finding on most of their fields. Read-only, like the rest of an
    account that rules see."""

    __slots__ = ("_doc", "_paths", "_found")

    def __init__(self, doc: Any, paths: Mapping[str, tuple[Path, bool, Any]]) -> None:
        self._doc = doc
        self._paths = paths
        self._found: dict[str, Position] = {}

    def __getitem__(self, place: str) -> Position:
        found = self._found.get(place)
        if found is None:
            path, key, doc = self._paths[place]
            found = self._found[place] = (doc or self._doc).position(path, key=key)
        return found

    def __iter__(self) -> Any:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __contains__(self, place: object) -> bool:
        return place in self._paths

    def span(self, place: str, *, key: bool = False) -> tuple[int, int] | None:
        """Character offsets of ``place``'s value (or key) in the file (see ``Document.span``)."""
        found = self._paths.get(place)
        return (found[2] or self._doc).span(found[0], key=key) if found is not None else None

    def written(self, place: str, *, key: bool = False) -> tuple[int, int, str] | None:
        """``span`` and the text written there, which a fix checks before it replaces it."""
        span = self.span(place, key=key)
        return (span[0], span[1], self._doc.source[span[0]:span[1]]) if span is not None else None

    @property
    def source(self) -> str:
        """The text of the file the positions are in (what fixes edit)."""
        return self._doc.source

    def path(self, place: str) -> Path | None:
        """The document path ``place`` is written at (None: not written)."""
        found = self._paths.get(place)
        return found[0] if found is not None else None

    def scalar(self, place: str) -> str | None:
        """The text written at ``place``, from whichever of the file's documents holds it."""
        found = self._paths.get(place)
        return (found[2] or self._doc).scalar(found[0]) if found is not None else None


def frozen(account: Account) -> Account:
    """``account`` with read-only mappings and a checked spelling and positions, so no rule
    can change what the rules after it see, and a dialect's misspelt field fails loudly.
    An account the kit built (``Reader.add``) is checked and read-only already."""
    if isinstance(account.positions, Places) and isinstance(account.extra, Frozen) and \
            isinstance(account.unexpanded, Frozen):
        return account._replace(spelling=checked_spelling(account.spelling))
    for place in account.positions:
        if not (is_place(place) or place in account.extra):
            raise KitError(f"account '{account.name}' has a position for {place!r}, which names no"
                           f" account field; {checked_place_hint(place)}")
    for field, unexpanded in account.unexpanded.items():
        if not (isinstance(unexpanded, Unexpanded) and unexpanded.text.strip()):
            raise KitError(f"Unexpanded text for {field!r} is empty: give the key as written (and, but for a"
                           " password, its value), so the message can name it")
    return account._replace(
        extra=Frozen(account.extra),
        positions=account.positions if isinstance(account.positions, Places) else Frozen(account.positions),
        unexpanded=Frozen(account.unexpanded),
        spelling=checked_spelling(account.spelling),
    )


_FIELDS = frozenset(vocabulary.FIELDS) | {vocabulary.ACCOUNT}


def is_place(place: Any) -> bool:
    if not isinstance(place, str):
        return False
    if place in _FIELDS:
        return True
    field, dot, index = place.partition(".")
    if dot:
        return field in vocabulary.LIST_FIELDS and index.isdigit()
    return place == vocabulary.ACCOUNT or place in vocabulary.FIELDS


def _unknown_name(what: str, name: Any, known: Iterable[str]) -> str:
    known = list(known)
    close = closest(str(name), known)
    hint = f"did you mean '{close}'?" if close else f"the names are: {', '.join(known)}"
    return f"{what} {name!r} is not one emaillint has; {hint}"


# --- one account, as it is read -------------------------------------------------------
class Draft:
    """One account being read: its fields, where each was written, and what lint time
    cannot know. Made by ``Reader.draft``; ``Reader.add`` turns it into an ``Account``.

    Fields are the ``Account`` field names (``sender``, not a format's ``from``); ``to``,
    ``cc`` and ``bcc`` take a list of addresses. Every method that takes ``at`` records
    the position of the node at that document path, so findings about the field point at
    the user's own line.
    """

    def __init__(self, reader: Reader, name: str, at: Path, spelled: Spelling, *, key: bool = True) -> None:
        self.reader = reader
        self.name = name
        self.position = reader.doc.position(at, key=key)
        self.spelling = spelled
        self.fields: dict[str, Any] = {}
        self.places: dict[str, tuple[Path, bool, Any]] = {}
        """Place -> (document path, at the key, the other document of the file it is in or
        None): where each field is written."""
        self.references: set[str] = set()
        self.unexpanded: dict[str, Any] = {}
        self.defaults: set[str] = set()
        self.conflicts: list[Conflict] = []
        self.extra: dict[str, Any] = {}
        self.password_text = ""
        """A literal password, kept only to tell an app password from an account password."""
        self.to_count: int | None = None
        """How many To recipients a format that counts them (emaillint's own) says."""

    def at(self, place: str, path: Path | None, *, key: bool = False, doc: Any = None) -> None:
        """Blame ``place`` (a field, or an item such as ``cc.1``) on the node at ``path``, in
        ``doc`` when it is another document of the file (``Document.others``)."""
        if path is not None:
            self.places[checked_place(place)] = (path, key, doc)

    def has(self, place: str) -> bool:
        """Whether the file writes a setting for ``place`` (so a default does not apply)."""
        return place in self.places

    def set(self, field: Field, value: Any, at: Path | None = None) -> None:
        self.fields[checked_place(field)] = value
        self.at(field, at)

    def elsewhere(self, field: Field, at: Path) -> None:
        """A field whose value is kept elsewhere (a Kubernetes Secret) and unknown at lint time."""
        self.references.add(checked_place(field))
        self.at(field, at)

    def default(self, field: Field, value: Any) -> None:
        """The program's default, for a key the file leaves out."""
        self.fields[checked_place(field)] = value
        self.defaults.add(field)

    def respell(self, fields: Mapping[str, str] = {}, security: Mapping[str, str] = {}) -> None:
        """How this account's format writes ``fields`` (``{"host": "smarthost: '{}:587'"}``)
        and security modes, where that depends on what the file says."""
        spelled = self.spelling
        self.spelling = checked_spelling(spelled._replace(fields={**spelled.fields, **fields},
                                                          security={**spelled.security, **security}))

    def read(self, field: Field, setting: Setting, *, convert: Callable[[Any], Any] | None = None,
             fix: str = "") -> Value:
        """A setting as the program sees it: known text becomes the field (through
        ``convert``, default ``str``; a value it turns into None is left unset), a run-time
        reference is recorded in ``references``, a look-alike the program does not
        expand in ``unexpanded`` with ``fix`` (default: the reader's ``expansion``) and the
        reader's ``outcome``."""
        self.at(field, setting.path)
        value = self.reader.value(setting.value)
        if value.kind in (PLAIN, FALLBACK):
            self.fields[field] = (convert or str)(value.text)
        elif value.kind == REFERENCE:
            self.references.add(field)
        elif value.kind == UNEXPANDED:
            self.unexpanded[field] = (f"{setting.label}: {value.text}", fix or self.reader.expansion,
                                      self.braced(setting), self.reader.outcome)
        return value

    def addresses(self, field: Field, setting: Setting, *, split: str = "") -> None:
        """``to``/``cc``/``bcc``: a list, or one text (of several addresses joined by
        ``split``, where the program splits them); each address is blamed on its own item
        where the list has items. Items that are not text (a tag, a number) are skipped."""
        raw = setting.value
        self.at(field, setting.path)
        items = raw if isinstance(raw, list) else [raw] if raw not in (None, "") else []
        found: list[str] = []
        for i, item in enumerate(items):
            if not isinstance(item, str) or getattr(item, "tag", ""):
                continue
            value = self.reader.value(item)
            if value.kind == UNEXPANDED:
                self.unexpanded[field] = (f"{setting.label}: {value.text}", self.reader.expansion, None,
                                          self.reader.outcome)
                continue
            text = item if value.kind == REFERENCE else value.text  # a reference is still a recipient
            where = setting.path + (i,) if isinstance(raw, list) else setting.path
            for address in (text.split(split) if split else [text]):
                if address.strip() or not split:
                    self.at(f"{field}.{len(found)}", where)
                    found.append(address.strip() if split else address)
        self.fields[field] = tuple(found)

    def extra_key(self, setting: Setting) -> None:
        """A key of emaillint's own format that a plugin declared: its value reaches rules as
        ``account.extra[key]``, and ``Problem.where`` may name it."""
        self.extra[setting.label] = setting.value
        self.places[setting.label] = (setting.path, False, None)

    def password(self, setting: Setting, *, fix: str = "", doc: Any = None) -> None:
        """The password: its kind, never its text (a literal is kept for redaction only);
        ``doc``: written in that other document of the file (a Kubernetes Secret).

        Read through the program's interpolation without ``--resolve-env`` values:
        emaillint never reads a password from the environment.
        """
        self.at("password", setting.path, doc=doc)
        raw = setting.value
        tag = getattr(raw, "tag", "")
        text = "" if raw is None else str(raw)
        value = self.reader.value(raw, resolve=False)
        if value.kind == FALLBACK:
            # ${SMTP_PASS:-} is empty whenever the variable is unset: no credential in the file
            kind = (PLACEHOLDER if credentials.placeholder(value.text) else LITERAL) if value.text.strip() else EMPTY
            secret = Secret(kind, INTERPOLATION_DEFAULT)
            text = value.text
        elif value.kind == PLAIN or tag:
            secret = credentials.classify(raw, tag=tag)
            if secret.kind == LOOKALIKE:  # $NAME the program's interpolation left as text
                self.unexpanded["password"] = (setting.label, fix or self.reader.expansion, self.braced(setting),
                                               self.reader.outcome)
        elif value.kind == UNEXPANDED:
            secret = Secret(LOOKALIKE)
            self.unexpanded["password"] = (setting.label, fix or self.reader.expansion, self.braced(setting),
                                           self.reader.outcome)
        else:
            secret = Secret(REFERENCE, value.name)
        self.secret(secret, text)

    def braced(self, setting: Setting) -> Fix | None:
        """``$NAME`` written where the program expands ``${NAME}``: the fix adds the braces
        (and only them, so a password's text is in no edit)."""
        raw = setting.value
        name = raw.strip()[1:] if isinstance(raw, str) and raw.strip().startswith("$") else ""
        if not name.isidentifier() or self.reader.interpolation("${" + name + "}", {}).kind != REFERENCE:
            return None
        span = self.reader.doc.span(setting.path)
        text = self.reader.doc.source[span[0]:span[1]] if span is not None else ""
        at = text.find("$" + name)
        if at < 0 or text.count("$") != 1 or text[at + 1 + len(name):at + 2 + len(name)].isidentifier():
            return None
        start = span[0] + at + 1
        title = "write " + self.reader.form.format(key=setting.label, value="${" + name + "}")
        return Fix(title, (Edit(start, start, "{"), Edit(start + len(name), start + len(name), "}")))

    def secret(self, secret: Secret, text: str = "", at: Path | None = None) -> None:
        """A password whose kind the dialect decided itself (a secret-store tag, a file, a
        Kubernetes Secret); ``text`` is the literal, for redaction and sign-in inference."""
        self.at("password", at)
        self.fields["password"] = secret
        if secret.kind == LITERAL and text.strip():  # a placeholder is no secret (credentials._literal)
            self.reader.secrets.add(text.strip())
        self.password_text = text

    def empty_password(self, at: Path) -> None:
        self.secret(Secret(EMPTY), at=at)

    def stored(self, what: str, at: Path) -> None:
        """The password lives where the program reads it at run time (``what``: a file,
        a Secret, a tag), so lint time knows only that it is there."""
        self.secret(Secret(STORE, what), at=at)

    def unverified(self, at: Path, written: str = "") -> None:
        """Certificate checks are off; ``written`` is how this file turned them off."""
        self.set("verify_cert", False, at)
        if written:
            self.spelling = self.spelling._replace(verify_off=written)

    def conflict(self, settings: tuple[str, ...], outcome: str, fix: str, *, at: Path | None = None,
                 fails: bool = False) -> None:
        """Settings that ask for different security modes: what the program makes of the mix
        (``outcome``, a short clause: the message) and what to write (``fix``: the help), in
        its words (``Conflict``); ``fails`` when the mix stops mail going out. The finding
        goes to ``at``, else to the security setting."""
        where = "security"
        if at is not None:
            where = f"conflicts.{len(self.conflicts)}"
            self.at(where, at)
        self.conflicts.append(Conflict(tuple(settings), outcome, fix, where, fails))

    def account(self, format_says_auth: bool = False) -> Account:
        fields = self.fields
        auth = fields.get("auth")
        secret = fields.get("password")
        if auth is None and not format_says_auth:
            auth = credentials.sign_in_of(secret, self.password_text)
            if auth is None and (fields.get("username") or "username" in self.references):
                auth = UNKNOWN_SIGN_IN
        to_addresses = tuple(fields.get("to", ()))
        return Account(
            name=self.name,
            dialect=self.reader.dialect,
            position=self.position,
            provider=fields.get("provider") or None,
            plan=fields.get("plan") or None,
            host=fields.get("host") or None,
            port=fields.get("port"),
            security=fields.get("security"),
            verify_cert=fields.get("verify_cert"),
            auth=auth,
            username=fields.get("username") or None,
            password=secret,
            sender=fields.get("sender") or None,
            to=self.to_count or len(to_addresses) or 1,
            to_addresses=to_addresses,
            cc=tuple(fields.get("cc", ())),
            bcc=tuple(fields.get("bcc", ())),
            messages_per_day=fields.get("messages_per_day"),
            references=frozenset(self.references),
            extra=Frozen(self.extra),
            positions=Places(self.reader.doc, self.places),
            defaults=frozenset(self.defaults),
            conflicts=tuple(self.conflicts),
            unexpanded=Frozen({field: Unexpanded(*found) for field, found in self.unexpanded.items()}),
            spelling=self.spelling,
        )


# --- one document -----------------------------------------------------------------------
class Reader:
    """Reads one document for a dialect: makes its drafts, collects its accounts, findings
    and literal secrets, and returns them as the ``Reading`` the engine expects.

    ``interpolation`` is the program's expansion (``emaillint.api.interpolate_*``);
    for a look-alike the program does not expand, ``outcome`` says what it expands, for the
    message (``"Alertmanager expands no environment variables"``), and ``expansion`` what
    to write instead, for the help (``"write the value, or render this file (envsubst)
    before Alertmanager reads it"``). ``form`` is how a
    setting is written, for messages that quote one (``SMTP_SECURITY=off`` in an
    environment).
    """

    def __init__(self, doc: Any, options: Any, dialect: str, interpolation: Interpolation,
                 expansion: str = "", *, form: str = "{key}: {value}", outcome: str = "") -> None:
        self.doc = doc
        self.environ: Mapping[str, str] = getattr(options, "environ", {}) or {}
        self.dialect = dialect
        self.interpolation = interpolation
        self.expansion = expansion
        self.outcome = outcome
        self.form = form
        self.accounts: list[Account] = []
        self.findings: list[Finding] = []
        self.secrets: set[str] = set()

    def value(self, raw: Any, *, resolve: bool = True) -> Value:
        """``raw`` through the program's interpolation (with ``--resolve-env`` values unless
        ``resolve`` is false)."""
        text = str(raw).lower() if isinstance(raw, bool) else "" if raw is None else str(raw)
        if isinstance(raw, str):
            return self.interpolation(raw, self.environ if resolve else {})
        return Value(PLAIN, text)

    def text(self, setting: Setting | None) -> str | None:
        """A setting's text as the program uses it, when lint time knows it (None for a
        reference, a look-alike or an absent setting)."""
        value = self.value(setting.value) if setting is not None else None
        return value.text if value is not None and value.kind in (PLAIN, FALLBACK) else None

    def flag(self, setting: Setting | None) -> bool | None:
        """A boolean setting as the program reads it (``"true"``, ``yes``, ``1``); None when unknown."""
        text = self.text(setting)
        return boolean(setting.value if isinstance(setting.value, bool) else text) if text is not None else None

    def embedded(self, files: Iterable[tuple[Path, str, bool]], read: Callable[[Reader], None]) -> None:
        """Read the configs a Kubernetes ConfigMap or Secret carries (``manifest_files``):
        each embedded document gets a reader of its own, positioned in this file, and
        ``read`` fills it; syntax errors inside are this file's findings."""
        from emaillint import embedded

        for path, text, encoded in files:
            documents, findings = embedded.documents(self.doc, path, embedded.decoded(text, encoded) or "", encoded)
            self.findings.extend(findings)
            for inner in documents:
                reader = Reader(inner, None, self.dialect, self.interpolation, self.expansion, form=self.form,
                                outcome=self.outcome)
                reader.environ = self.environ
                read(reader)
                self.include(reader.reading())

    def draft(self, name: str, at: Path, spelled: Spelling, *, key: bool = True) -> Draft:
        return Draft(self, name, at, checked_spelling(spelled), key=key)

    def add(self, draft: Draft, *, format_says_auth: bool = False) -> Account:
        account = draft.account(format_says_auth)
        self.accounts.append(account)
        return account

    def fields(self, draft: Draft, found: Mapping[str, Setting], keys: Keys) -> None:
        """Read every key of ``keys`` that ``found`` has into ``draft``; for a field that
        several keys may set, the first one found wins, and advice then names the key as
        written. Enumerated values the program does not know are reported by ``enum``;
        everything else goes through ``read``."""
        for name, spec in keys.items():
            key = _key(spec)
            setting = found.get(name)
            if key.field is None or setting is None or draft.has(key.field):
                continue
            if setting.value in (None, "") and key.field != "password":
                continue
            if key.field not in ("password", "security", "verify_cert"):
                draft.respell({key.field: self.form.format(key=setting.label, value="{}")})
            if key.field == "password":
                draft.password(setting)
            elif key.field in vocabulary.ADDRESS_FIELDS:
                draft.addresses(key.field, setting, split=key.split)
            elif key.values:
                self.enum(draft, key, setting)
            elif key.field == "verify_cert":
                flag = boolean(setting.value)
                if flag is not None and flag == key.invert:
                    draft.unverified(setting.path, self.form.format(key=setting.label, value=written(setting.value)))
            else:
                draft.read(key.field, setting, convert=port if key.field == "port" else None)

    def enum(self, draft: Draft, key: Key, setting: Setting, *, severity: str | None = None) -> Any:
        """The model's value for an enumerated setting, or None after a ``schema`` finding
        that says what the program does with it (``Key.otherwise``) and what to write."""
        text = str(setting.value).strip()
        value = key.values.get(text, key.values.get(text.lower()))
        if value is None:
            shown = self.doc.ambiguous(setting.path)
            kind = "modes" if key.field == "security" else "values"
            what = (f"unquoted '{shown}' is a YAML 1.1 boolean, not text" if shown
                    else f"'{setting.value}' is not one of its {kind}")
            self.refused(setting.path, f"{self.form.format(key=setting.label, value=what)}, so"
                                       f" {key.otherwise or 'the program refuses it'}",
                         help=f"write {key.choices or 'one of ' + ', '.join(key.values)}",
                         account=draft.name, severity=severity)
        draft.set(key.field, value, setting.path)
        return value

    def unknown(self, found: Iterable[Setting], known: Iterable[str], *, says: str, otherwise: str,
                refused: bool = False, account: str | None = None) -> None:
        """Report each setting whose key the program does not read, with the closest known
        key: ``says`` what the program does with it (``"Grafana ignores it"``), ``otherwise``
        why to remove it when nothing is close (``{key}`` in ``says`` stands for the key).
        ``refused``: the program refuses the file then (a ``schema`` finding, not ``unknown-key``)."""
        known = list(known)
        for setting in found:
            close = closest(setting.label, known)
            message = f"{setting.label}: {says.replace('{key}', setting.label)}"
            rename = (setting.label, close) if close else None
            help = f"remove {setting.label} ({otherwise})"
            if refused:
                self.refused(setting.path, message, help=help, key=True, account=account)
                self._rename(setting.path, rename)
            else:
                self.ignored(setting.path, message, help=help, account=account, rename=rename)

    def finding(self, at: Path, rule: str, message: str, *, help: str = "", key: bool = False,
                account: str | None = None, severity: str | None = None) -> None:
        """A finding of the dialect's own at ``at``: ``message`` says what is wrong, ``help`` what to write."""
        self.findings.append(self.doc.finding(at, rule, message, key=key, account=account, severity=severity,
                                              help=help))

    def refused(self, at: Path, message: str, *, help: str = "", key: bool = False, account: str | None = None,
                severity: str | None = None) -> None:
        """The program refuses this (it will not start, or will not send): a ``schema`` finding;
        ``message`` says what is wrong and what the program does, ``help`` what to write."""
        self.finding(at, vocabulary.SCHEMA, message, help=help, key=key, account=account, severity=severity)

    def ignored(self, at: Path, message: str, *, help: str = "", account: str | None = None,
                rename: tuple[str, str] | None = None) -> None:
        """The program silently ignores this key: an ``unknown-key`` finding at the key.
        ``rename``: (the key's full name, the one meant), for the fix that renames it."""
        self.finding(at, vocabulary.UNKNOWN_KEY, message, help=help, key=isinstance(at[-1], str) if at else False,
                     account=account)
        self._rename(at, rename)

    def _rename(self, at: Path, rename: tuple[str, str] | None) -> None:
        """The last finding says to write the key meant, and renames it where the key is
        plainly written (``key_fix``)."""
        if rename:
            fix = fixing.key_fix(self.doc, at, *rename)
            meant = fix.title if fix else f"write {rename[1]} instead of {printable(rename[0])}"
            self.findings[-1] = self.findings[-1]._replace(help=meant, fix=fix)

    def smarthost(self, draft: Draft, setting: Setting, consequence: str, *, quote: str = "",
                  key: bool = False) -> int | None:
        """A ``host:port`` setting whose port is mandatory (Alertmanager's ``smarthost``,
        Grafana's ``host``): sets host and port, refuses a missing port with what the
        program does then (``consequence``), and spells both fields in it; the port."""
        label, port_ = setting.label, None
        if self.value(setting.value).kind != PLAIN:
            draft.read("host", setting)
        else:
            split = host_port(str(setting.value))
            draft.set("host", split.host, setting.path)
            port_ = split.port
            if split.problem:
                self.refused(setting.path, f"{label} '{setting.value}' {split.problem}: {consequence}",
                             help=f"write {label}: {split.host}:587", key=key, account=draft.name)
            else:
                draft.set("port", port_, setting.path)
        host = draft.fields.get("host") or "smtp.example.com"
        draft.respell({"host": f"{label}: {quote}{{}}:{port_ or 587}{quote}",
                       "port": f"{label}: {quote}{host}:{{}}{quote}"})
        return port_

    def include(self, reading: Reading) -> None:
        """Another reading of the same file (an embedded document), as part of this one."""
        self.accounts.extend(reading.accounts)
        self.findings.extend(reading.findings)
        self.secrets |= reading.secrets

    def reading(self) -> Reading:
        return Reading(self.accounts, self.findings, frozenset(self.secrets))


def written(value: Any) -> str:
    """A scalar as a message quotes it: YAML's ``true``, not Python's ``True``."""
    return str(value).lower() if isinstance(value, bool) else str(value)
