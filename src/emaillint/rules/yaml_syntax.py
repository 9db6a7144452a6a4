"""The file is not valid YAML.

## What it does
Reports where the YAML parser stopped, with the parser's reason. What only YAML 1.2
refuses while the libyaml-based loaders programs use accept it (`key: "value"# comment`,
a flow mapping continued on a line less indented than its key) is a warning, and the file
is linted all the same.

## Why is this bad
A program that reads this file fails at start-up, or (with some loaders) reads only part
of it. No other rule can check a file that does not parse.

## Example
```yaml
accounts:
  billing:
    host: smtp.gmail.com
   port: 587          # indented one space less than its siblings
```

## Use instead
```yaml
accounts:
  billing:
    host: smtp.gmail.com
    port: 587
```
"""

from emaillint.model import ERROR, Rule
from emaillint.vocabulary import YAML_SYNTAX

RULE = Rule(YAML_SYNTAX, ERROR, "the file is not valid YAML", __doc__, scope="engine")
