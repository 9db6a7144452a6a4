"""A mapping sets the same key twice.

## What it does
Reports the second (and any later) occurrence of a key in one mapping, naming the line
of the first.

## Why is this bad
YAML forbids duplicate keys, but most loaders (PyYAML, SnakeYAML) silently keep the last
value. Edit the first `port:` and nothing changes; the mail goes out with the other one.

## Example
```yaml
billing:
  port: 465
  security: tls
  port: 587
```

## Use instead
```yaml
billing:
  port: 465
  security: tls
```
"""

from emaillint.model import ERROR, Rule
from emaillint.vocabulary import DUPLICATE_KEY

RULE = Rule(DUPLICATE_KEY, ERROR, "a mapping repeats a key (plain YAML loaders silently keep the last)",
            __doc__, scope="engine")
