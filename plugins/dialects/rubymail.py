"""Ruby's Mail gem, the SMTP delivery behind Rails' ActionMailer: how ``smtp_settings``
decide the connection, for every format that hands them over (Rails YAML, Redmine, GitLab
Omnibus and its Helm chart, Mastodon, Discourse).

Read in Mail's ``lib/mail/network/delivery_methods/smtp.rb`` for each version boundary
encoded here (``SOURCE``, ``SOURCE_28``, ``SOURCE_27``):

- ``DEFAULTS``: ``address`` localhost, ``port`` 25.
- ``smtp_tls?``: ``tls`` or ``ssl`` truthy means implicit TLS. Ruby's truth: only nil and
  false are false, so the string ``'false'`` turns it on.
- ``smtp_starttls`` (2.9): a truthy ``enable_starttls`` is ``:auto`` (opportunistic) for the
  symbol ``:auto`` and mandatory for anything else; otherwise ``enable_starttls_auto``
  decides when given (truthy: opportunistic, else none); ``enable_starttls: false`` alone
  means none; neither given means ``:auto``. 2.8 and 2.7 reach the same modes for
  booleans (2.8 defaults ``enable_starttls_auto`` to true; 2.7 takes any truthy
  ``enable_starttls``, ``:auto`` included, as mandatory).
- ``build_smtp_session`` (2.9.0 and later, commit 8abd774, mikel/mail#1536): implicit TLS
  with a truthy STARTTLS flag raises ``ArgumentError: :enable_starttls and :tls are
  mutually exclusive`` on every send. 2.8 uses implicit TLS and ignores the flags, but
  raises ``Unrecognized :tls value`` for anything but true, false or nil. GitLab backports
  the 2.9 code onto its Mail 2.8.1 (``config/initializers/mail_starttls_patch.rb`` in
  gitlabhq/gitlabhq, since 15.10.4).
- ``ssl_context``: a String ``openssl_verify_mode`` is looked up as
  ``OpenSSL::SSL::VERIFY_<UPCASE>`` (any other word raises NameError); a number is the mode
  itself (0 is VERIFY_NONE). The context is built only for TLS or STARTTLS.
- Net::SMTP (``NET_SMTP``, ``do_start``) signs in only when a user name is given.
"""

from __future__ import annotations

from typing import Any, Mapping

from emaillint.api import (FALLBACK, NO_SIGN_IN, NO_TLS, PLAIN, RUBY_EXPRESSION, STARTTLS, STARTTLS_OPTIONAL, TLS, Draft,
                           Reader, Setting, boolean, mapping, port, ruby_truthy, written)

SOURCE = "https://github.com/mikel/mail/blob/2.9.1/lib/mail/network/delivery_methods/smtp.rb"
SOURCE_28 = "https://github.com/mikel/mail/blob/2.8.1/lib/mail/network/delivery_methods/smtp.rb"
SOURCE_27 = "https://github.com/mikel/mail/blob/2.7.1/lib/mail/network/delivery_methods/smtp.rb"
NET_SMTP = "https://github.com/ruby/net-smtp/blob/v0.5.0/lib/net/smtp.rb"
KEYS = ("address", "port", "domain", "user_name", "password", "authentication", "enable_starttls",
        "enable_starttls_auto", "openssl_verify_mode", "ssl", "tls", "open_timeout", "read_timeout",
        "ca_path", "ca_file", "return_response")
"""The settings Mail reads; it ignores any other key without a word."""
DEFAULTS = {"address": "localhost", "port": 25}
FIELDS = {"host": "address", "port": "port", "username": "user_name", "sender": "from"}
"""Account fields and the Mail keys that set them (the From address is no Mail setting: each format has its own)."""
IMPLICIT = ("tls", "ssl")
STARTTLS_FLAGS = ("enable_starttls", "enable_starttls_auto")
VERIFY_MODES = ("none", "peer", "client_once", "fail_if_no_peer_cert")
RAISES = "Mail 2.9 and later raise on every send"
RAISED = ("(Mail 2.9 and later raise ArgumentError ':enable_starttls and :tls are mutually exclusive';"
          " Mail 2.8 silently uses implicit TLS)")
RUBY_FORM = "{key} = {value}"
"""How a Ruby settings file writes a setting (``Reader(form=RUBY_FORM)``)."""
SMTP_METHODS = ("smtp", "async_smtp", "smtp_pool")
"""``delivery_method`` values that send with these settings (Redmine's ``async_smtp`` too)."""


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()
"""A setting whose value is set at run time (``<%= ENV['SMTP_TLS'] %>``, ``${SMTP_TLS}``)."""


def value(reader: Reader, setting: Setting | None) -> Any:
    """The Ruby value Mail gets: YAML's and Ruby's literals map onto Ruby's types alike, and
    text an interpolation fills in is read again (ERB renders before YAML parses it,
    Compose before Ruby does); None when absent, ``UNKNOWN`` when set at run time."""
    if setting is None or not isinstance(setting.value, str):
        return None if setting is None else setting.value
    found = reader.value(setting.value)
    if found.kind == PLAIN and found.text == setting.value and getattr(setting.value, "tag", "") != RUBY_EXPRESSION:
        return setting.value
    if found.kind in (PLAIN, FALLBACK):
        text = found.text.strip()
        words = {"true": True, "false": False, "nil": None, "null": None, "": None}
        return words[text] if text in words else int(text) if text.isdigit() else text.strip("'\"")
    return UNKNOWN


def settings(doc: Any, path: tuple[Any, ...]) -> dict[str, Setting]:
    """A YAML hash of Mail settings by Mail's key: ``:address:`` (a Ruby symbol key) is ``address``."""
    return {key[1:] if key.startswith(":") else key: setting for key, setting in mapping(doc, path).items()}


def read(reader: Reader, draft: Draft, mail: Mapping[str, Setting], *, sender: Setting | None = None,
         defaults: Mapping[str, Any] = DEFAULTS, shown: Mapping[str, str] = {}, raises: str = RAISES,
         fix: str = "", raised: str = RAISED) -> None:
    """Host, port, credentials, security and certificate checks of one ``smtp_settings``
    hash as Mail decides them, and the From address the program sends with (``sender``,
    no Mail setting). ``mail`` maps Mail's keys to the settings that give them
    (the format's own, as written; their value is what Mail gets), ``defaults`` are what
    the format hands Mail for the keys left out, ``shown`` how the format wrote a setting
    whose value Mail gets in other words (``enable_starttls: auto``), ``raises`` and ``fix``
    what its program does with implicit TLS and STARTTLS both on (a short clause) and what
    to write, ``raised`` the error it gives, which the help adds after ``fix``."""
    mail = {**{key: Setting(value, None, key) for key, value in defaults.items()  # positioned at the account
               if key in IMPLICIT + STARTTLS_FLAGS and key not in mail}, **mail}
    for field, key in FIELDS.items():
        setting = sender if field == "sender" else mail.get(key)
        if setting is not None and setting.value not in (None, ""):
            draft.respell({field: reader.form.format(key=setting.label, value="{}")})
            found = draft.read(field, setting, convert=port if field == "port" else None)
            if field == "port" and found.kind in (PLAIN, FALLBACK) and draft.fields["port"] is None:
                reader.refused(setting.path, f"{said(reader, setting)} is not a port number, so every send fails",
                               help=f"write {reader.form.format(key=setting.label, value=587)}", account=draft.name)
        elif key in defaults:
            draft.default(field, defaults[key])
    password = mail.get("password")
    if password is not None and password.value not in (None, ""):
        draft.password(password)
        user = mail.get("user_name")
        if (user is None or user.value in (None, "")) and "username" not in draft.references:
            draft.set("auth", NO_SIGN_IN, password.path)  # Net::SMTP signs in only with a user name
    elif password is not None and password.value == "":
        draft.empty_password(password.path)
    _security(reader, draft, mail, {key: shown.get(key) or said(reader, s) for key, s in mail.items()}, raises, fix,
              raised)
    _verify(reader, draft, mail.get("openssl_verify_mode"))


def _security(reader: Reader, draft: Draft, mail: Mapping[str, Setting], shown: Mapping[str, str], raises: str,
              fix: str, raised: str) -> None:
    got = {key: value(reader, mail.get(key)) for key in IMPLICIT + STARTTLS_FLAGS}
    for key, found in got.items():
        if isinstance(found, str) and not found.startswith(":") and boolean(found) is False:
            what = "connects with implicit TLS" if key in IMPLICIT else "asks for STARTTLS"
            reader.refused(mail[key].path, f"{shown[key]} is a string, true to Ruby: {draft.spelling.program} {what}",
                           help=f"write {reader.form.format(key=mail[key].label, value='false')} without quotes",
                           account=draft.name)
    if any(got[key] is UNKNOWN for key in IMPLICIT):
        return
    implicit = next((key for key in IMPLICIT if ruby_truthy(got[key])), None)
    if implicit is not None:
        draft.set("security", TLS, mail[implicit].path)
        asked = [key for key in STARTTLS_FLAGS if got[key] is not UNKNOWN and ruby_truthy(got[key])]
        if asked:
            fix = fix or (
                f"set {reader.form.format(key=mail[asked[0]].label, value='false')} for implicit TLS on port 465,"
                f" or {reader.form.format(key=mail[implicit].label, value='false')} for STARTTLS on port 587")
            draft.conflict((shown[implicit], shown[asked[0]]), raises, f"{fix} {raised}".strip(),
                           at=mail[asked[0]].path, fails=True)
        return
    starttls, auto = got["enable_starttls"], got["enable_starttls_auto"]
    if starttls is UNKNOWN or auto is UNKNOWN:
        return
    if ruby_truthy(starttls):
        draft.set("security", STARTTLS_OPTIONAL if starttls == ":auto" else STARTTLS, mail["enable_starttls"].path)
    elif auto is not None:
        mode, written = STARTTLS_OPTIONAL if ruby_truthy(auto) else NO_TLS, mail["enable_starttls_auto"].path
        draft.set("security", mode, written) if written is not None else draft.default("security", mode)
    elif starttls is not None:
        draft.set("security", NO_TLS, mail["enable_starttls"].path)
    else:
        draft.default("security", STARTTLS_OPTIONAL)


def _verify(reader: Reader, draft: Draft, setting: Setting | None) -> None:
    """``openssl_verify_mode`` as ``ssl_context`` uses it."""
    found = value(reader, setting)
    if setting is None or found is None or isinstance(found, bool):
        return
    raw = str(setting.value)
    if found == 0 or (found is UNKNOWN and "VERIFY_NONE" in raw):  # 0, or the constant in Ruby code or ERB
        return draft.unverified(setting.path, said(reader, setting))
    if not isinstance(found, str):
        return
    word = found.strip().lower()
    if word == "none":
        draft.unverified(setting.path, said(reader, setting))
    elif word not in VERIFY_MODES and draft.fields.get("security") != NO_TLS:
        # Mail looks up OpenSSL::SSL::VERIFY_<word> and raises NameError on every send
        constant = "text, not the constant" if "::" in word else "no verify mode"
        reader.refused(setting.path, f"{said(reader, setting)} is {constant}: sending raises NameError",
                       help=f"write {reader.form.format(key=setting.label, value='peer')} (the default: certificates"
                            " are checked)", account=draft.name)


def said(reader: Reader, setting: Setting) -> str:
    """A setting as the user wrote it: strings quoted in Ruby, and in YAML where the quotes
    change what it means (``tls: 'false'``)."""
    text = isinstance(setting.value, str) and not getattr(setting.value, "tag", "")
    quoted = text and (reader.form == RUBY_FORM or boolean(setting.value) is not None)
    return reader.form.format(key=setting.label, value=f"'{setting.value}'" if quoted else written(setting.value))


def sends(reader: Reader, method: Setting | None) -> bool:
    """Whether a ``delivery_method`` next to the settings sends with them (none given: Rails' default, smtp)."""
    text = reader.text(method) if method is not None else "smtp"
    return text is None or text.strip().lstrip(":") in SMTP_METHODS


def yaml_account(reader: Reader, name: str, at: tuple[Any, ...], spelled: Any, *, method: Setting | None = None,
                 sender: Setting | None = None, named: bool = True) -> None:
    """The account of one YAML ``smtp_settings`` hash (Rails, Redmine), unless the
    ``delivery_method`` beside it sends another way; keys Mail does not read are reported
    where the hash is Mail's alone (``named``), not in an app's own hash that also holds them."""
    if not sends(reader, method):
        return
    found = settings(reader.doc, at)
    draft = reader.draft(name, at, spelled)
    read(reader, draft, found, sender=sender)
    if named:
        reader.unknown([s._replace(label=key) for key, s in found.items() if key not in KEYS], KEYS,
                       says="Mail ignores it", otherwise="Mail has no such setting", account=name)
    reader.add(draft)
