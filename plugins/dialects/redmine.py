"""Redmine's ``config/configuration.yml``: ``email_delivery`` under ``default:`` and under an
environment (``production:``).

``Redmine::Configuration.load`` renders the file with ERB, parses it, and merges the
environment's hash over ``default``'s key by key, so an environment's ``email_delivery``
replaces the default one whole; it then hands ``delivery_method`` and ``smtp_settings``
(keys symbolized) to ActionMailer, whose Mail gem reads them (``rubymail``). The From
address is not in this file (it is the ``emission_email_address`` setting, kept in the
database). The legacy ``config/email.yml`` (``production: {delivery_method:,
smtp_settings:}``) is the Rails shape, read by ``rails``. Source:
https://github.com/redmine/redmine/blob/master/lib/redmine/configuration.rb
"""

from __future__ import annotations

from typing import Any

from emaillint.api import Dialect, Reader, Reading, hookimpl, interpolate_erb, mapping

from emaillint_plugins.dialects import rails, rubymail

NAME = "redmine"
DELIVERY = "email_delivery"
SPELLING = rails.SPELLING._replace(program="Redmine")


def _sections(data: Any) -> list[Any]:
    """The top-level keys (``default``, an environment) whose hash has ``email_delivery``."""
    if not isinstance(data, dict):
        return []
    return [key for key, value in data.items() if isinstance(value, dict) and isinstance(value.get(DELIVERY), dict)]


def detect(doc: Any) -> bool:
    return any(DELIVERY in doc.keys((key,)) for key in doc.keys()) and bool(_sections(doc.data))


def read(doc: Any, options: Any) -> Reading:
    reader = Reader(doc, options, NAME, interpolate_erb, rails.NOT_EXPANDED, outcome=rails.EXPANDS)
    for section in _sections(doc.data):
        path = (section, DELIVERY)
        if isinstance(doc.get(path + ("smtp_settings",)), dict):
            rubymail.yaml_account(reader, f"{section}.{DELIVERY}", path + ("smtp_settings",), SPELLING,
                                  method=mapping(doc, path).get("delivery_method"))
    return reader.reading()


DIALECT = Dialect(name=NAME, summary="Redmine config/configuration.yml: email_delivery under default: or an environment",
                  detect=detect, read=read, needles=(DELIVERY,))


@hookimpl
def emaillint_dialects():
    return [DIALECT]
