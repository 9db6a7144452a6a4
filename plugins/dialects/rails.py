"""A Rails app's own SMTP YAML (``config/email.yml``, ``config/smtp.yml``) that it loads into
``ActionMailer::Base.smtp_settings``; Redmine's legacy ``config/email.yml`` has the same shape.

The settings are a hash per environment (``production: {address: ...}``), under
``smtp_settings:`` (beside ``delivery_method:``, as Redmine's legacy file and many apps
write it) or another name (``smtp:``, ``config:``), or at the top level. ``:address:`` is a Ruby symbol key, the
same setting as ``address:``; merge keys (``<<: *default``) are resolved, and a hash shared
by several environments is read once. The file is rendered with ERB before the YAML is
parsed (``ActiveSupport::ConfigurationFile``), so ``<%= ENV['SMTP_PASSWORD'] %>`` is a
reference. Mail's semantics are ``rubymail``'s. The From address is no Mail setting: apps
keep one beside the settings under a name of their own (``from:``, ``default_from:``...;
unverified, each app reads its own), which is checked as the sender.
"""

from __future__ import annotations

from typing import Any

from emaillint.api import (NO_TLS, STARTTLS, STARTTLS_OPTIONAL, TLS, Dialect, Reader, Reading, hookimpl,
                           interpolate_erb, mapping, spelling)

from emaillint_plugins.dialects import rubymail

NAME = "rails"
MAIL_ONLY = frozenset(("user_name", "enable_starttls_auto", "enable_starttls", "openssl_verify_mode",
                       "authentication", "tls", "ssl"))
"""Keys that tell a hash of Mail settings from another program's ``address:`` and ``port:``."""
_AS_WRITTEN = {name: frozenset(keys) | frozenset(":" + key for key in keys)
               for name, keys in (("mail", rubymail.KEYS), ("only", MAIL_ONLY))}
"""Both spellings of each key (``user_name``, ``:user_name``): detect runs on every document."""
SENDERS = ("from", "default_from", "from_address", "mail_from", "sender")
EXPANDS = "Rails expands only ERB tags"
NOT_EXPANDED = "write <%= ENV['NAME'] %>"
SPELLING = spelling("Mail", fields={"password": "password: <%= ENV['SMTP_PASSWORD'] %>"}, security={
    TLS: "tls: true", STARTTLS: "enable_starttls: true (and no tls: true)", STARTTLS_OPTIONAL: "enable_starttls_auto: true",
    NO_TLS: "enable_starttls_auto: false"})


def _key(name: Any) -> str:
    return name[1:] if isinstance(name, str) and name.startswith(":") else name


def _host(value: Any) -> bool:
    """A host name, an IP address or ERB (or Ruby meant as ERB: ``ENV['SMTP_ADDRESS']``), not
    the word of a locale file (``address: Address``)."""
    return isinstance(value, str) and ("<%" in value or "ENV[" in value or (
        not any(c.isspace() for c in value.strip()) and ("." in value or ":" in value or value == "localhost")))


def _mail(level: dict[str, Any], named: bool) -> bool:
    if named:
        return not _AS_WRITTEN["mail"].isdisjoint(level)
    address = level.get("address", level.get(":address"))
    return address is not None and _host(address) and not _AS_WRITTEN["only"].isdisjoint(level)


def _hashes(data: Any) -> list[tuple[tuple[Any, ...], bool]]:
    """``(path, Mail's own hash)`` for each hash of Mail settings, at most two levels down
    (``production: smtp_settings:``, ``defaults: config:``)."""
    if not isinstance(data, dict):
        return []
    found = [((), False)] if _mail(data, False) else []
    for key, level in data.items():
        for path, inner in [((key,), level)] + ([((key, sub), value) for sub, value in level.items()]
                                                 if isinstance(level, dict) else []):
            if isinstance(inner, dict) and _mail(inner, path[-1] == "smtp_settings"):
                found.append((path, path[-1] == "smtp_settings"))
    return found


def _may_hold_mail(doc: Any, path: tuple[Any, ...] = (), depth: int = 0) -> bool:
    """``_hashes`` read from the composed nodes, without converting the document: a hash of
    Mail's own keys under ``smtp_settings``, or one with a host-like ``address`` and a key
    only Mail has, at most two levels down."""
    keys = doc.keys(path)
    address = doc.scalar(path + ("address",)) or doc.scalar(path + (":address",))
    if path and path[-1] in ("smtp_settings", ":smtp_settings") and not _AS_WRITTEN["mail"].isdisjoint(keys):
        return True
    if address is not None and _host(address) and not _AS_WRITTEN["only"].isdisjoint(keys):
        return True
    return depth < 2 and any(_may_hold_mail(doc, path + (key,), depth + 1) for key in keys)


def detect(doc: Any) -> bool:
    return _may_hold_mail(doc) and bool(_hashes(doc.data))


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_erb, NOT_EXPANDED, outcome=EXPANDS)
    seen: set[frozenset[Any]] = set()
    for path, named in _hashes(doc.data):
        written = frozenset(doc.position(s.path) for s in mapping(doc, path).values())
        if written in seen:
            continue  # a hash merged into another environment (<<: *default) unchanged
        seen.add(written)
        parent = mapping(doc, path[:-1]) if len(path) > 1 else {}  # production: {from:, smtp_settings: {...}}
        beside = {_key(name): s for name, s in {**parent, **mapping(doc, path)}.items()}
        rubymail.yaml_account(reader, ".".join(map(str, path)) or "smtp_settings", path, SPELLING,
                              method=beside.get("delivery_method"), named=named,
                              sender=next((beside[key] for key in SENDERS if key in beside), None))
    return reader.reading()


DIALECT = Dialect(name=NAME, summary="Rails config/email.yml, config/smtp.yml: ActionMailer smtp_settings per environment",
                  detect=detect, read=read, needles=("smtp_settings", "address"))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
