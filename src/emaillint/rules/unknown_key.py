"""A key the program reading the file does not know, so it ignores it.

## What it does
In the formats emaillint reads besides its own (Spring Boot, Alertmanager, Home
Assistant, Grafana, docker-compose), reports keys under the mail settings that the
program ignores: typos (`mail.smtp.starttls.request` for `starttls.required`), options
that were removed (Home Assistant's `starttls: true`, replaced by `encryption`), or
another program's names (Bitwarden's `globalSettings__mail__smtp__host` on vaultwarden).
The message suggests the closest known key. emaillint's own format reports unknown keys
as `schema` errors instead.

## Why is this bad
These programs skip keys they do not know without a word, so the setting you meant is
not applied: `starttls.request: true` leaves STARTTLS optional, and the password goes
out in clear text if the server does not offer it.

## Example
```yaml
spring:
  mail:
    properties:
      mail.smtp.starttls.request: true
```

## Use instead
```yaml
spring:
  mail:
    properties:
      mail.smtp.starttls.required: true
```
"""

from emaillint.model import WARNING, Rule
from emaillint.vocabulary import UNKNOWN_KEY

RULE = Rule(UNKNOWN_KEY, WARNING, "a key the program does not know and silently ignores", __doc__,
            scope="engine")
