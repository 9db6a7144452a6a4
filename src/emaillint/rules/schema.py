"""The document breaks emaillint's JSON Schema.

## What it does
Validates files in emaillint's own format against its schema (`emaillint schema` prints
it) and reports each error at the offending key, naming the field and what to write:
unknown keys (with "did you mean"), missing required keys, wrong types and values
outside an allowed set. It also reports a `provider` or `plan` that no installed plugin
knows. In the other formats emaillint reads, it reports what the program itself refuses
to start with: an Alertmanager `smarthost` without a port or an unknown Alertmanager key,
a Home Assistant notifier without `sender`, a vaultwarden `SMTP_SECURITY` it does not
know.

## Why is this bad
Unknown keys are typos until proven otherwise: `hots: smtp.gmail.com` is silently
ignored by the program, which then connects to its default host.

## Example
```yaml
accounts:
  invoices:
    hots: smtp.gmail.com
    port: "587"
    security: ssl
```

## Use instead
```yaml
accounts:
  invoices:
    host: smtp.gmail.com
    port: 587
    security: tls
```
"""

from emaillint.model import ERROR, Rule
from emaillint.vocabulary import SCHEMA

RULE = Rule(SCHEMA, ERROR, "the document breaks the JSON Schema; the message names the field",
            __doc__, scope="engine")
