"""No installed plugin knows the account's host, so provider rules are skipped.

## What it does
Notes accounts whose host (and username domain) no provider plugin claims. The core
rules (port/TLS, cleartext auth, plaintext passwords, addresses) still run; the provider
rules (host, port, auth, quotas) cannot. Hosts on the local machine or network
(`localhost`, a container name such as `mailhog`, private addresses like `10.0.0.5`,
`*.local`) are not reported: they are relays and test sinks, not providers.

## Why is this bad
It is not wrong in itself: company relays and smaller providers are common. It tells you
which accounts are checked less thoroughly, and that a plugin could close the gap
(`emaillint plugins` lists what is installed).

## Example
```yaml
host: mail.example.com
```

## Use instead
Install or write a provider plugin for the host (see docs/plugins.md), or name an
installed provider with `provider:`.
"""

from emaillint.model import INFO, Rule
from emaillint.vocabulary import UNKNOWN_PROVIDER

RULE = Rule(UNKNOWN_PROVIDER, INFO, "no installed plugin knows the host: provider rules are skipped",
            __doc__, scope="engine")
