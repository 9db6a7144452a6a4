"""An unquoted value that YAML 1.1 reads as a boolean or number where text was meant.

## What it does
Flags plain scalars such as `off`, `yes`, `no`, `on`, `0123` (octal), `1:30`
(base 60) or `1_000` in fields that take text. YAML 1.1 loaders (PyYAML, SnakeYAML,
the ones mail programs use) turn them into `false`, `true`, `83`, `90` or `1000`;
YAML 1.2 would keep them as text. The message never repeats a password's value.

## Why is this bad
`security: off` arrives as the boolean false, and `password: 0123` as the number 83:
the program either rejects the config or signs in with the wrong password.

## Example
```yaml
security: off
password: 0123
```

## Use instead
```yaml
security: none
password: ${SMTP_PASSWORD}
```
"""

from emaillint.model import WARNING, Rule
from emaillint.vocabulary import YAML_AMBIGUOUS

RULE = Rule(YAML_AMBIGUOUS, WARNING,
            "an unquoted YAML 1.1 scalar was read as bool/number/null where text was meant",
            __doc__, scope="engine")
