"""GitLab Omnibus in docker-compose: the ``gitlab.rb`` lines of ``GITLAB_OMNIBUS_CONFIG: |``.

The image's ``gitlab.rb`` runs ``eval ENV["GITLAB_OMNIBUS_CONFIG"]``, after Compose has
interpolated ``${VAR}`` in the whole text. With ``gitlab_rails['smtp_enable']`` true,
``gitlab-ctl reconfigure`` writes ``smtp_settings.rb``: ``address``, ``port``, ``domain``,
``enable_starttls_auto``, ``tls``, ``ssl``, ``openssl_verify_mode``, ``ca_path``,
``ca_file``, ``open_timeout``, ``read_timeout``, ``user_name``, ``password`` and
``authentication`` each come from ``gitlab_rails['smtp_<key>']`` through ``value.inspect``, so
their Ruby types survive ('false' stays a string, which Ruby takes for true); a missing
user name or password is read from the encrypted SMTP credentials
(``gitlab-rake gitlab:smtp:secret:edit``), and ``smtp_enable_starttls`` is never read.
GitLab runs the Mail 2.9 logic (``rubymail``) on Mail 2.8.1 since 15.10.4, and
``reconfigure`` refuses ``smtp_tls`` with ``smtp_enable_starttls_auto`` since 16.0. The From
address is ``gitlab_email_from``. Sources (gitlabhq/omnibus-gitlab): ``docker/assets/gitlab.rb``,
``files/gitlab-cookbooks/gitlab/templates/default/smtp_settings.rb.erb``,
``files/gitlab-cookbooks/gitlab/libraries/smtp_helper.rb``, ``.../attributes/default.rb``.
Other services of the file are read by the compose dialect.
"""

from __future__ import annotations

from typing import Any, Mapping

from emaillint.api import (NO_TLS, PLAIN, STARTTLS_OPTIONAL, TLS, Dialect, Reader, Reading, Value, hookimpl,
                           interpolate_compose, interpolate_ruby, mapping, ruby_assignments, ruby_truthy, spelling)

from emaillint_plugins.dialects import compose, rubymail

NAME = "gitlab-omnibus"
VARIABLE = "GITLAB_OMNIBUS_CONFIG"
PASSED = ("address", "port", "domain", "enable_starttls_auto", "tls", "ssl", "openssl_verify_mode", "ca_path",
          "ca_file", "open_timeout", "read_timeout", "user_name", "password", "authentication")
KEYS = {f"gitlab_rails['smtp_{key}']": key for key in PASSED}
ENABLE, SENDER = "gitlab_rails['smtp_enable']", "gitlab_rails['gitlab_email_from']"
KNOWN = (*KEYS, ENABLE, "gitlab_rails['smtp_pool']")
RAISES = "sending fails"
RAISED = ("(GitLab 15.10.4 and later raise ArgumentError ':enable_starttls and :tls are mutually exclusive' on"
          " every send, and gitlab-ctl reconfigure refuses the pair from 16.0 on)")
ENCRYPTED = "the encrypted SMTP credentials (gitlab-rake gitlab:smtp:secret:edit)"
STARTTLS_ON = "gitlab_rails['smtp_tls'] = false with gitlab_rails['smtp_enable_starttls_auto'] = true"
SPELLING = spelling("GitLab", fields={
    "host": "gitlab_rails['smtp_address'] = '{}'", "port": "gitlab_rails['smtp_port'] = {}",
    "username": "gitlab_rails['smtp_user_name'] = '{}'", "sender": f"{SENDER} = '{{}}'",
    "password": f"{ENCRYPTED}, not gitlab_rails['smtp_password']"}, security={
    TLS: "gitlab_rails['smtp_tls'] = true with gitlab_rails['smtp_enable_starttls_auto'] = false",
    STARTTLS_OPTIONAL: STARTTLS_ON,  # no STARTTLS: GitLab cannot require it
    NO_TLS: "gitlab_rails['smtp_enable_starttls_auto'] = false"})
QUOTED = {field: SPELLING.fields[field] for field in ("host", "username", "sender")}


def _configs(doc: Any) -> list[tuple[str, tuple[Any, ...], str]]:
    """``(service, path, prefix)`` of each ``GITLAB_OMNIBUS_CONFIG`` that sets mail up."""
    services = doc.get(("services",))
    found = []
    for name, service in services.items() if isinstance(services, dict) else ():
        env = service.get("environment") if isinstance(service, dict) else None
        if isinstance(env, dict) and "smtp_" in str(env.get(VARIABLE, "")):
            found.append((name, ("services", name, "environment", VARIABLE), ""))
        for i, item in enumerate(env if isinstance(env, list) else ()):
            if isinstance(item, str) and item.startswith(VARIABLE + "=") and "smtp_" in item:
                found.append((name, ("services", name, "environment", i), VARIABLE + "="))
    return found


def detect(doc: Any) -> bool:
    services = [("services", name, "environment") for name in doc.keys(("services",))]
    texts = [doc.scalar(env + (VARIABLE,)) or "" for env in services] + [
        text for env in services for i in range(doc.length(env) or 0)
        if (text := doc.scalar(env + (i,)) or "").startswith(VARIABLE + "=")]
    return any("smtp_" in text for text in texts) and bool(_configs(doc))


def interpolate(raw: str, environ: Mapping[str, str]) -> Value:
    """Compose's interpolation, then Ruby's: code such as ``ENV['X']`` is read by ``interpolate_ruby``."""
    found = interpolate_compose(raw, environ)
    return interpolate_ruby(found.text, environ) if found.kind == PLAIN and getattr(raw, "tag", "") else found


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_compose)
    reader.include(compose.read(doc, options))
    for service, path, prefix in _configs(doc):
        inner = Reader(ruby_assignments(doc, path, prefix=prefix), options, NAME, interpolate, form=rubymail.RUBY_FORM)
        lines = mapping(inner.doc, ())
        enable = lines.get(ENABLE)
        if enable is None or not ruby_truthy(rubymail.value(inner, enable)):
            continue  # no smtp_enable: GitLab sends with sendmail, and smtp_settings.rb is deleted
        name = f"{service}.{VARIABLE}"
        draft = inner.draft(name, enable.path, SPELLING)
        mail = {KEYS[target]: setting for target, setting in lines.items() if target in KEYS}
        if "authentication" in mail and "user_name" not in mail:
            draft.elsewhere("username", mail["authentication"].path)
        if "authentication" in mail and "password" not in mail:
            draft.stored("encrypted credentials", mail["authentication"].path)
        rubymail.read(inner, draft, mail, sender=lines.get(SENDER), raises=RAISES, raised=RAISED)
        draft.respell(QUOTED)  # Ruby strings: the sheet spells keys as written, unquoted
        inner.unknown([s for target, s in lines.items() if "['smtp_" in target and target not in KNOWN], KNOWN,
                      says="GitLab does not pass it to Rails and ignores it", otherwise="GitLab has no such setting",
                      account=name)
        inner.add(draft)
        reader.include(inner.reading())
    return reader.reading()


DIALECT = Dialect(name=NAME, summary="GitLab Omnibus GITLAB_OMNIBUS_CONFIG in docker-compose: gitlab_rails['smtp_*']",
                  detect=detect, read=read, needles=("smtp_",))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
