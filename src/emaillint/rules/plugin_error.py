"""A plugin failed: it did not import, a hook raised, or it clashes with another plugin.

## What it does
Reports the plugin by name and version, and what went wrong. Every other plugin still
runs, so the rest of the findings are complete. A plugin error always makes the run
exit with 2.

## Why is this bad
A plugin that silently drops out means a provider silently goes unchecked.

## Example
Two installed plugins both claim the provider name `acme`, or a plugin's rule raises
`KeyError` on an account without a username.

## Use instead
Upgrade or fix the plugin, or turn it off with `--disable-plugin NAME` (or
`disable_plugins` in the project configuration) until it is fixed.
"""

from emaillint.model import ERROR, Rule
from emaillint.vocabulary import PLUGIN_ERROR

RULE = Rule(PLUGIN_ERROR, ERROR, "a plugin raised; the others still ran", __doc__, scope="engine")
