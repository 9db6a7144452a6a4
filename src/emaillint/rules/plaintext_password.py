"""The password is written in the file instead of a reference to it.

## What it does
Reports a non-empty password that is not a reference. In emaillint's format a
reference is `${NAME}` (braces required); templates (`{{ smtp_password }}`) and
secret-store tags (`!secret smtp_password`) count as references too. `$NAME` without
braces is reported: it is not expanded, so the program would sign in with the text
`$NAME`. The message never repeats the value.

## Why is this bad
Config repositories are cloned, forked, backed up and pasted into tickets. A password in
one is a leaked password; for Gmail and Yahoo it is usually an app password that signs in
to the whole mailbox.

## Example
```yaml
password: abcd efgh ijkl mnop
```

## Use instead
```yaml
password: ${SMTP_PASSWORD}
```
and set `SMTP_PASSWORD` from your secret store when the program starts.
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, Account, Context, Problem, Rule


def check(account: Account, context: Context) -> Iterator[Problem]:
    secret = account.password
    if secret is None:
        return
    if secret.kind == "literal":
        yield Problem("password", (
            "the password is written in the file; move it to a secret store or environment"
            " variable and write password: ${SMTP_PASSWORD}"
        ))
    elif secret.kind == "lookalike":
        yield Problem("password", (
            f"${secret.detail} is not expanded: only ${{NAME}} with braces is a reference;"
            f" write password: ${{{secret.detail}}}"
        ))


RULE = Rule("plaintext-password", ERROR, "the password is a literal instead of a reference", __doc__, check)
