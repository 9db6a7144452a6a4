"""An inline suppression that suppresses nothing.

## What it does
Reports a `# emaillint: disable=RULE` comment when the line it is on has no RULE
finding, a `# emaillint: disable-file=RULE` when the file has none, a suppression that
names no known rule (with the closest rule id), and an `emaillint:` comment that is not
a suppression at all. A suppression of a rule that the run does not report (`--select`,
`ignore`) is not reported: a full run may still need it.

## Why is this bad
A suppression outlives the problem it was written for. Once the config is fixed, the
stale comment silently waives the rule for the next, real mistake on that line, and a
misspelt rule id never suppressed anything in the first place.

## Example
```yaml
    port: 587  # emaillint: disable=port-security-mismatch
    security: starttls
```
(587 with STARTTLS is correct, so nothing on the line needs suppressing.)

## Use instead
Delete the comment, or correct the rule id. Put `disable=` at the end of the line the
finding points at (the line printed with it); to waive a rule for a whole file, write
`# emaillint: disable-file=RULE` anywhere in it. Stale-suppression warnings themselves
can be silenced with `# emaillint: disable-file=unused-suppression`.
"""

from emaillint.model import WARNING, Rule
from emaillint.vocabulary import UNUSED_SUPPRESSION

RULE = Rule(UNUSED_SUPPRESSION, WARNING,
            "an inline '# emaillint: disable=' comment suppresses nothing (stale, misspelt or unknown rule)",
            __doc__, scope="engine")
