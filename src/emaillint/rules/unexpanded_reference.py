"""A value looks like a reference, but the program reading the file uses it as written.

## What it does
Reports values such as `$SMTP_PASSWORD` or `${SMTP_HOST}` where the consuming program
does not expand them: Prometheus Alertmanager expands no environment variables at all,
Home Assistant reads `!env_var NAME` and `!secret name` but not `${NAME}`, Spring and
emaillint's own format expand `${NAME}` but not `$NAME`. Where the program expands
nothing, a value counts as a reference meant when it holds `${NAME}` or an upper-case
`$NAME`, or is a whole `$name`: `pa$$w0rd` and `Abc$def1` are passwords as written. The
message says what the program expands, the help what to write instead. A password's
value is never repeated.

## Why is this bad
The program connects to a host literally named `$SMTP_HOST`, or signs in with the
password `$SMTP_PASSWORD`, and fails at the first alert, often days after the deploy.
If a tool such as `envsubst` renders the file before the program starts, lint the
rendered file instead, or disable this rule for the template.

## Example
```yaml
receivers:
  - name: ops
    email_configs:
      - to: ops@example.com
        smarthost: $SMTP_SMARTHOST
        auth_password: $SMTP_PASSWORD
```

## Use instead
```yaml
receivers:
  - name: ops
    email_configs:
      - to: ops@example.com
        smarthost: smtp.example.com:587
        auth_password_file: /etc/alertmanager/smtp_password
```
"""

from __future__ import annotations

from typing import Iterator

from emaillint.model import ERROR, Account, Context, Problem, Rule
from emaillint.rules.advice import fitting
from emaillint.vocabulary import UNEXPANDED_REFERENCE


def check(account: Account, context: Context) -> Iterator[Problem]:
    for field, value in account.unexpanded.items():
        short = f"{value.text} is used as written, not expanded"
        message = fitting(f"{value.text} is used as written: {value.outcome}", short) if value.outcome else short
        instead = value.edit.title if value.edit else value.fix or "write the value, or a reference the program expands"
        if message == short and value.outcome:  # a long key and value: the outcome qualifies the help
            instead += f" ({value.outcome})"
        yield Problem(field, message, help=instead, fix=value.edit)


RULE = Rule(UNEXPANDED_REFERENCE, ERROR,
            "a reference the consuming program will not expand", __doc__, check)
