"""The password is written in the file instead of a reference to it.

## What it does
Reports a non-empty password that is not a reference. In emaillint's format a
reference is `${NAME}` (braces required); templates (`{{ smtp_password }}`) and
secret-store tags (`!secret smtp_password`) count as references too; other formats
have their own (Alertmanager's `auth_password_file`, Grafana's `$__file{...}`). A
default in an interpolation (`${SMTP_PASS:-hunter2}` in docker-compose,
`${SMTP_PASS:hunter2}` in Spring) is a password written in the file too: it is used
whenever the variable is unset. `$NAME` where the program expands only `${NAME}` is
`unexpanded-reference`'s. The message never repeats the value.

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

from emaillint.model import ERROR, INTERPOLATION_DEFAULT, Account, Context, Problem, Rule
from emaillint.vocabulary import LITERAL, PLAINTEXT_PASSWORD


def check(account: Account, context: Context) -> Iterator[Problem]:
    secret = account.password
    if secret is None or secret.kind != LITERAL:
        return
    instead = account.setting("password", "${SMTP_PASSWORD}")
    if secret.detail == INTERPOLATION_DEFAULT:
        yield Problem("password", (
            "the interpolation's default is a password written in the file, used whenever the"
            f" variable is unset; drop the default and write {instead}"
        ))
    else:
        yield Problem("password", (
            "the password is written in the file; move it to a secret store or environment"
            f" variable and write {instead}"
        ))


RULE = Rule(PLAINTEXT_PASSWORD, ERROR, "the password is a literal instead of a reference", __doc__, check)
