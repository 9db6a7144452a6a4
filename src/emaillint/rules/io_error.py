"""A file cannot be read, is not text, or is too large.

## What it does
Reports files that cannot be opened or read, binary files, text that is not UTF-8
(or UTF-16/32 with a byte-order mark, which YAML also allows), files over 2 MiB, and
documents that expand past 100,000 values or 200 levels of nesting (YAML alias bombs).

## Why is this bad
A config the linter cannot read is a config nobody checked. The limits keep one hostile
or accidental file from stalling every commit.

## Example
A config saved as Latin-1 with an accented display name, or a file full of aliases:
```yaml
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
```

## Use instead
Save the file as UTF-8, keep configs small, and do not nest aliases.
"""

from emaillint.model import ERROR, Rule
from emaillint.vocabulary import IO_ERROR

RULE = Rule(IO_ERROR, ERROR, "a file cannot be read, is not UTF-8 text, or is over the size limit",
            __doc__, scope="engine")
