"""Telling a secret from a reference to one, without ever keeping the secret.

Documented in docs/security.md: ``${NAME}`` is a reference the program
expands; ``{{ ... }}`` is a template rendered before use (Jinja, Helm, Ansible); a
tagged value such as ``!secret name`` is a secret-store reference; ``$NAME`` without
braces, NAME in the upper case of environment variables, looks like a reference but
emaillint's format does not expand it, so it is a ``lookalike``; text written to be
replaced (``your-app-password``, ``<password>``, ``xxxx xxxx xxxx xxxx``, ``CHANGE_ME``) is a
``placeholder``; anything else non-empty (``$hunter2`` included) is a ``literal`` secret
written in the file.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Iterable, Iterator

from emaillint.model import Secret
from emaillint.vocabulary import (
    APP_PASSWORD,
    EMPTY,
    LITERAL,
    LOOKALIKE,
    PASSWORD,
    PLACEHOLDER,
    REFERENCE,
    STORE,
    TEMPLATE,
    UNKNOWN_SIGN_IN,
    SignIn,
)

REFERENCE_FORM = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
LOOKALIKE_FORM = re.compile(r"\$([A-Z_][A-Z0-9_]*)")
"""Only upper case: environment variables are named so, and ``$ecretPass1`` is a password."""
TEMPLATE_FORM = re.compile(r"\{\{.*\}\}|\{%.*%\}|<%=?.*%>", re.S)


def reference_name(value: Any) -> str | None:
    """``NAME`` for a value that is exactly ``${NAME}``, else None."""
    if isinstance(value, str):
        match = REFERENCE_FORM.fullmatch(value.strip())
        if match:
            return match.group(1)
    return None


def classify(value: Any, *, tag: str = "") -> Secret:
    """The kind of a password-like value; the value itself is not kept."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Secret(EMPTY)
    if tag:
        return Secret(STORE, tag)
    if not isinstance(value, str):
        return Secret(LITERAL)
    text = value.strip()
    name = reference_name(text)
    if name:
        return Secret(REFERENCE, name)
    if TEMPLATE_FORM.search(text):
        return Secret(TEMPLATE)
    match = LOOKALIKE_FORM.fullmatch(text)
    if match:
        return Secret(LOOKALIKE, match.group(1))
    return Secret(PLACEHOLDER) if placeholder(text) else Secret(LITERAL)


_BRACKETED = re.compile(r"<[^<>]+>|\[[^\[\]]+\]|\{[^{}]+\}|%[A-Za-z_]+%")
"""``<password>``, ``[env]``, ``{password}``, ``%SMTP_PASSWORD%``: a slot to fill, not a value."""
_MASKED = re.compile(r"([xX*#.?_-])(?:[ \-]*\1)+")
"""The same mask character repeated: ``xxxx xxxx xxxx xxxx``, ``********``, ``...``."""
_WORDS = frozenset((
    "your", "my", "the", "here", "put", "insert", "enter", "set", "fill", "in", "with", "to", "for",
    "replace", "change", "me", "changeme", "changeit", "todo", "tbd", "fixme", "example", "sample", "dummy",
    "placeholder", "redacted", "hidden", "secret", "password", "passwd", "pass", "pwd", "app", "application",
    "specific", "generated", "smtp", "mail", "email", "gmail", "google", "outlook", "yahoo", "hotmail", "office365",
    "icloud", "zoho", "sendgrid", "mailgun", "mailjet", "brevo", "postmark", "resend", "account",
    "user", "username", "login", "auth", "authorization", "code", "token", "api", "key", "real", "actual",
    "own", "new", "value", "none", "null", "sixteen", "16", "digit", "char", "character", "characters", "xxx", "xxxx",
    # the Chinese and Russian guides' words (你的QQ邮箱授权码, 客户端授权密码, ваш_пароль_приложения):
    "qq", "163", "126", "你的", "您的", "邮箱", "授权码", "授权", "密码", "客户端", "应用", "专用", "第三方",
    "ваш", "пароль", "приложения", "яндекса", "yandex",
))
"""The vocabulary of placeholders: ``your-app-password``, ``CHANGE_ME``, ``YOUR_SMTP_PASSWORD``,
``put your password here``. A value is a placeholder only if it is made of these words and
nothing else, so ``MyPassword1!`` and ``passw0rd`` stay passwords."""
_LONGEST_WORD = max(map(len, _WORDS))
_FILLERS = frozenset(("a", "an", "not", "is", "this", "of", "and", "or", "no", "at"))
"""Short words allowed between separators only (``not-a-real-password``), never run together,
so that no random string of letters is ever read as placeholder words."""


_SEPARATORS = re.compile(r"[\s._-]+")


def placeholder(text: str) -> bool:
    """Whether a password-like value is text meant to be replaced, not a secret.

    Conservative on purpose: a placeholder is reported as a warning and is not treated as
    a leaked secret, so a real password must never look like one. Only three shapes count:
    a bracketed slot, one mask character repeated, or words of the placeholder vocabulary
    alone (separated by ``-``, ``_``, ``.``, spaces, or run together: ``yourpassword``), with
    a few short fillers between separators (``not-a-real-password``).
    """
    text = text.strip()
    if _BRACKETED.fullmatch(text) or _MASKED.fullmatch(text):
        return True
    parts = [part for part in _SEPARATORS.split(text.lower()) if part]
    words = [part for part in parts if part not in _FILLERS]
    return bool(words) and all(_spelled_from_words(part) for part in words)


def _spelled_from_words(part: str) -> bool:
    """``part`` is one or more placeholder words run together (``changeme``, ``yourapppassword``).

    Only the places where a word ended are tried as the next word's start, and a part with
    no word ending within the longest word's length of its last one is given up on there:
    a real password is rejected within a few characters, not tried at every split."""
    ends = [0]
    for end in range(1, len(part) + 1):
        if end - ends[-1] > _LONGEST_WORD:
            return False
        for start in reversed(ends):
            if end - start > _LONGEST_WORD:
                break
            if part[start:end] in _WORDS:
                ends.append(end)
                break
    return ends[-1] == len(part)


_APP_PASSWORD = re.compile(r"[a-z]{4}(?: ?[a-z]{4}){3}|[A-Za-z0-9]{16}")
"""Google's and Yahoo's app passwords: 16 lower-case letters, shown in groups of four; and
the authorization codes of QQ Mail (16 lower-case letters) and NetEase (16 letters, upper
case in older public 163 configs, mixed with digits in newer ones: unverified beyond those)."""


def sign_in_of(secret: Secret | None, text: str = "") -> SignIn | None:
    """How an account signs in, as far as its password tells, for formats that cannot say it.

    The kit asks this for every dialect without an ``auth`` key (Spring, Alertmanager,
    compose, ...): an app password and an account password are both "the password"
    there. A literal in the shape of Google's and Yahoo's app passwords is one; any other
    literal is taken for an account password, so ``legacy-auth`` can say a provider no
    longer takes it. A placeholder (``your-app-password``) or a reference tells nothing.
    None: there is no password.
    """
    if secret is None:
        return None
    if secret.kind != LITERAL:
        return UNKNOWN_SIGN_IN
    if _APP_PASSWORD.fullmatch(text.strip()):
        return APP_PASSWORD
    return PASSWORD


SECRET_KEY = re.compile(r"(?i)pass(?:word|wd)?$|passphrase|secret|token|api[_-]?key|credential|private[_-]?key")
"""Keys whose values are secrets, in any dialect: smtp_auth_password, PASSWD, api_key, ..."""
USERINFO = (
    re.compile(r"://[^:/\s]*:(\S+)@"),
    re.compile(r"://[^:/\s]*:([^\r\n]+)@"),
    re.compile(r"(?:^|(?<=[\s'\"=,;(\[{<]))(?!mailto:)[^\s:/'\"]+:(?!//)(\S+)@[\w-]+(?:\.[\w-]+)+"),
)
"""Every shape the password of a userinfo takes in a value, one place for finding and masking it:
``smtp://user:password@host`` up to the last '@', since people put unencoded '@' and '/' in
both parts (``smtp://me@gmail.com:p@ss/w@smtp.gmail.com``); the same with any whitespace in
the password, a space, a tab or a non-breaking space (``smtp://u:pass word@host``: the whole
line up to its last '@', and the part without whitespace, in case it is written elsewhere);
and userinfo without a scheme, before a host with a dot in it, as Alertmanager's
``smtp_smarthost: 'alerts:password@smtp.gmail.com:587'`` or a ``host:`` key takes it
(``mailto:a@example.com`` is an address, not a user and password)."""
ASSIGNMENT = re.compile(r"""^[ \t]*(?:-[ \t]+)?(?:export[ \t]+)?([\w.\-\[\]'"]+)[ \t]*(?:=|:(?=[ \t]))(.*)$""", re.M)
"""``NAME=value`` and ``name: value`` lines inside a text value: docker-compose's
``- SMTP_PASSWORD=...`` list items, Ruby in GitLab's ``GITLAB_OMNIBUS_CONFIG: |``, a whole
alertmanager.yml embedded in a Kubernetes ConfigMap."""
FOLDED_ASSIGNMENT = re.compile(r"""(?<!\S)(?:export\s+)?([A-Za-z_][\w.\-]*)=("[^"]*"|'[^']*'|\S+)""")
"""``NAME=value`` words run together on one line: an ``.env`` file read as YAML is one plain
scalar, its lines folded into one (``SMTP_HOST=x SMTP_PASSWORD=y``)."""
MIN_SECRET = 4
"""Shorter values are not redacted: replacing 'a' in every message would garble them."""


KEY_NAME = object()
"""The key of an item that is a mapping's key itself, not a value under one (``items``)."""


def find_secrets(data: Any, shapes: Iterable[re.Pattern[str]] = (),
                 keys: frozenset[str] = frozenset()) -> frozenset[str]:
    """Literal secrets anywhere in a document: values of secret-like keys, URL userinfo,
    ``NAME=value`` lines inside text, and whatever matches one of ``shapes`` (the
    providers' secret shapes, ``ProviderIndex.secret_patterns``: a SendGrid key in a
    username or in a key no dialect reads). ``keys`` are more keys whose values are
    secrets whatever their name: the plugins' account keys marked ``writeOnly``.

    The engine removes these from every message about the document (defence in depth:
    rules do not echo secrets, but a plugin's exception text might). Keys are searched
    too, since an account named after a URL is echoed in every finding about it.
    """
    return secrets_in(items(data), shapes, keys)


def items(data: Any) -> Iterator[tuple[Any, Any]]:
    """Every scalar of plain data with the key it is under (None at the top or in a top
    list), and every mapping key as ``(KEY_NAME, text)``: what ``secrets_in`` reads."""
    stack = [(None, data)]
    while stack:
        key, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.items())
            yield from ((KEY_NAME, str(name)) for name in value)
        elif isinstance(value, list):
            stack.extend((key, item) for item in value)
        else:
            yield key, value


def secrets_in(pairs: Iterable[tuple[Any, Any]], shapes: Iterable[re.Pattern[str]] = (),
               keys: frozenset[str] = frozenset()) -> frozenset[str]:
    """``find_secrets`` over ``items`` (or the same pairs read from a document's nodes).

    Each text is searched once however often it is written (every account repeats ``host``
    and ``port``, and often their values), the shapes only where one of them matches, and
    each key's name once."""
    found: set[str] = set()
    shapes = tuple(shapes)
    any_shape = _any_of(shapes)
    searched: set[str] = set()
    named: dict[Any, bool] = {}  # key -> whether it names a secret

    def names_secret(key: Any) -> bool:
        answer = named.get(key)
        if answer is None:
            answer = named[key] = _secret_key(str(key)) or key in keys
        return answer

    for key, value in pairs:
        if key is KEY_NAME:
            if value not in searched:
                searched.add(value)
                found |= _in_text(value, shapes, any_shape)
        elif isinstance(value, str):
            if key is not None and names_secret(key) and _literal(value):
                found.add(value.strip())
            if value not in searched:
                searched.add(value)
                found |= _in_text(value, shapes, any_shape)
        elif value is not None and key is not None and names_secret(key) and not isinstance(value, bool):
            found.add(str(value))
    return frozenset(s for s in found if len(s) >= MIN_SECRET)


@functools.lru_cache(maxsize=8)
def _any_of(shapes: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that matches where any of ``shapes`` does (it matches at the leftmost place
    any of them matches), to skip the texts none of them is in; None where they cannot be
    joined (a plugin's pattern with global flags): each shape is then tried on every text."""
    if len(shapes) < 2:
        return shapes[0] if shapes else None
    try:
        return re.compile("|".join(f"(?:{shape.pattern})" for shape in shapes))
    except re.error:
        return None


def _in_text(text: str, shapes: tuple[re.Pattern[str], ...] = (),
             any_shape: re.Pattern[str] | None = None) -> set[str]:
    """Secrets inside one piece of text (a value or a key), found by their shape."""
    found = {match for shape in USERINFO for match in shape.findall(text)} if ":" in text and "@" in text else set()
    if shapes and (any_shape is None or any_shape.search(text)):
        for shape in shapes:
            found.update(match.group(0) for match in shape.finditer(text))
    if "=" in text or ": " in text or ":\t" in text:
        for key, value in ASSIGNMENT.findall(text) + FOLDED_ASSIGNMENT.findall(text):
            value = value.strip().strip("'\";,")
            if _secret_key(key) and _literal(value):
                found.add(value)
    return found


def _secret_key(key: str) -> bool:
    return bool(SECRET_KEY.search(key.strip("'\"[]")))


is_secret_key = _secret_key
"""Whether a key names a secret (``smtp_auth_password``, ``PASSWD``, ``api_key``): for the
baseline, which masks what is below such a key before it hashes anything."""


def masked(text: str) -> str:
    """``text`` with every secret its shape gives away replaced by ``***``, however short:
    URL userinfo and the values of ``NAME=value`` / ``name: value`` lines whose NAME is a
    secret's. What ``find_secrets`` finds by shape, for text that must not carry even a
    short secret (a baseline's fingerprints)."""
    if ":" in text and "@" in text:
        for shape in USERINFO[1:]:
            text = shape.sub(lambda m: f"{m.string[m.start(0):m.start(1)]}***{m.string[m.end(1):m.end(0)]}", text)
    if "=" in text or ":" in text:
        text = ASSIGNMENT.sub(lambda m: m.group(0)[:m.start(2) - m.start(0)] + " ***"
                              if _secret_key(m.group(1)) else m.group(0), text)
    return text


_NO_SECRET = frozenset(("true", "false", "yes", "no", "on", "off"))
"""Flag values under secret-like keys (``N8N_API_KEY_ENABLED=true``): redacting them would
garble every message that says ``true``."""


def _literal(value: str) -> bool:
    """Worth redacting: a literal, or a template whose text could hold one. Not a
    placeholder (``password``, ``your-app-password``): ``placeholder`` never takes a real
    password for one, and redacting it across a run cut the word "password" out of every
    message (on 35 real public configs, 20 messages and helps read "the *** is a ***")."""
    return value.strip().lower() not in _NO_SECRET and classify(value).kind in (LITERAL, TEMPLATE)
