"""A From, To, CC or BCC address is not a valid email address.

## What it does
Checks each address with email-validator (syntax only, no DNS lookups), after taking
off a display name (`Billing <billing@example.com>`). References (`${MAIL_FROM}`) are
skipped. When the host is a local test sink (`localhost`, a loopback address, or a
one-word container name such as `mailhog`), addresses need not be deliverable on the
Internet: `demo@local` is accepted there, since the mail never leaves the sink.

## Why is this bad
The SMTP server rejects the message (`501 5.1.7 Invalid address`), often only when the
first invoice goes out.

## Example
```yaml
from: billing@example
message:
  cc: [accounting@@example.com]
```

## Use instead
```yaml
from: Billing <billing@example.com>
message:
  cc: [accounting@example.com]
```
"""

from __future__ import annotations

import functools

import re
from typing import Iterator

from emaillint import credentials
from emaillint.model import ERROR, Account, Context, Problem, Rule
from emaillint.network import is_test_sink
from emaillint.resolve import address_of
from emaillint.rules.advice import fitting
from emaillint.vocabulary import ADDRESS_SYNTAX


_HOST_NAME = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*", re.IGNORECASE)
LABELS = {"sender": "from"}
"""How messages name a field: everyone calls the sender's address the From address."""
STAND_IN_DOMAIN = "example.com"
"""Replaces a sink-only domain (``local``, ``test.local``) so only the local part is checked."""


PLAIN_ADDRESS = re.compile(
    r"(?=.{1,254}$)(?=[^@]{1,64}@)[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*"
    r"@(?=.{1,253}$)(?:(?![A-Za-z0-9]{2}--)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
"""The plain ASCII addresses almost every config holds (``billing@example.com``): dot-atoms of
letters, digits, ``_+-`` before the ``@``, host-name labels of up to 63 characters (none
with ``--`` in its third and fourth places, which IDNA reserves, as in ``xn--``) and a
letter-only top-level domain after it. Every address it matches, email-validator accepts
too (a property test checks that), unless its domain is a special-use name."""
SPECIAL_USE = ("arpa", "invalid", "local", "localhost", "onion", "test")
"""email-validator's SPECIAL_USE_DOMAIN_NAMES (2.x): reserved names it refuses in addresses."""


@functools.lru_cache(maxsize=4096)
def invalid_reason(address: str, *, local_sink: bool = False) -> str | None:
    """Why email-validator rejects ``address`` (None if it is fine).

    email-validator costs about 15 ms to import and 50 microseconds an address, so the
    plain addresses most configs hold are accepted by ``PLAIN_ADDRESS`` without it, and
    it is imported only for the others; cached, since configs across a repository repeat
    their noreply@ and billing@ addresses.
    """
    local, at, domain = address.rpartition("@")
    if local_sink and at and _HOST_NAME.fullmatch(domain):
        address = f"{local}@{STAND_IN_DOMAIN}"
        domain = STAND_IN_DOMAIN
    if PLAIN_ADDRESS.fullmatch(address) and domain.lower().rsplit(".", 1)[-1] not in SPECIAL_USE:
        return None
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc).rstrip(".")
    return None


def check(account: Account, context: Context) -> Iterator[Problem]:
    local_sink = is_test_sink(account.host)
    fields = [("sender", account.sender)] if account.sender else []
    for name, values in (("to", account.to_addresses), ("cc", account.cc), ("bcc", account.bcc)):
        fields.extend((f"{name}.{i}", value) for i, value in enumerate(values))
    for where, value in fields:
        if credentials.reference_name(value) or credentials.TEMPLATE_FORM.search(value):
            continue
        reason = invalid_reason(address_of(value), local_sink=local_sink)
        if reason:
            label = LABELS.get(where, where.split(".")[0])
            # The value as written, then why it is not valid; where both do not fit a line,
            # the value (the finding points at it too), else the reason alone.
            yield Problem(where, fitting(f"{label} address '{value}' is not valid: {reason}",
                                         f"{label} address '{value}' is not valid",
                                         f"{label} address is not valid: {reason}"),
                          help="write a full address such as billing@example.com")


RULE = Rule(ADDRESS_SYNTAX, ERROR, "a from/to/cc/bcc address is not a valid address", __doc__, check)
