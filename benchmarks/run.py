"""Benchmark emaillint against the tools a user would pick instead, in one interleaved run.

    python benchmarks/run.py              # writes benchmarks/RESULTS.md and prints it
    python benchmarks/run.py --quick      # fewer rounds, for a smoke test
    python benchmarks/run.py --only 2000  # the real-repository shape only

Generates a corpus (1, 100 and 10,000 config files of realistic size, mixed good and bad,
several accounts each, and the 2,000-file real-repository shape: 1,900 ordinary YAML files
with 100 mail configs among them) in a temporary directory, then times whole-process runs of:
emaillint; check-jsonschema with ``schemas/`` on the same files (validation without the
provider rules); yamllint on the same files (syntax only); and a parse-only floor (one
Python process that composes every file with PyYAML's libyaml loader and does nothing
else). Tools run interleaved, round after round, so a noisy neighbour slows all of them
alike; medians and ratios are taken from the same run. Peak memory is each process's
maximum resident set size (``wait4``'s rusage).

Needs the README's test install (it brings check-jsonschema and yamllint); emaillint itself
is timed as users run it, installed non-editable into a fresh virtualenv (``--editable``
times the environment's own install instead).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schemas" / "emaillint.schema.json"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
AS_OF = "2026-11-27"
REALREPO = 2_000
"""The real-repository shape's size: 1,900 ordinary YAML files and 100 mail configs."""
SIZES = {1: 15, 100: 7, REALREPO: 5, 10_000: 2}
"""Corpus size -> rounds (each round runs every tool once); ``REALREPO`` is the real-repo shape."""

FLOOR = (
    "import os, sys, yaml\n"
    "def compose(path):\n"
    "    with open(path, encoding='utf-8') as handle:\n"
    "        list(yaml.compose_all(handle.read(), Loader=yaml.CSafeLoader))\n"
    "for top in sys.argv[1:]:\n"
    "    if not os.path.isdir(top):\n"
    "        compose(top)\n"
    "    for root, dirs, names in os.walk(top):\n"
    "        for name in names:\n"
    "            compose(os.path.join(root, name))\n"
)
"""The parse-only floor: walk, read and compose with libyaml, nothing else."""

PROVIDERS = [
    ("gmail", "smtp.gmail.com", "gmail.com"),
    ("gmail", "smtp.gmail.com", "example.com"),
    ("yahoo", "smtp.mail.yahoo.com", "yahoo.com"),
    ("outlook", "smtp.office365.com", "contoso.com"),
    ("hotmail", "smtp-mail.outlook.com", "hotmail.com"),
    (None, "relay.internal.example.com", "example.com"),
]
DEFECTS = ["port", "password", "cc", "typo", "host", "auth"]


def account(rng: random.Random, service: int, index: int, bad: bool) -> str:
    """One account of about 15 lines; a bad one carries one of the defects users make.

    Each service signs in with its own mailboxes, except one in fifty, which shares the
    team's mailbox (so shared-quota has something to add up, as in real repositories).
    """
    provider, host, domain = rng.choice(PROVIDERS)
    user = f"team{service % 50}@{domain}" if service % 50 == 0 else f"svc{service}-{index}@{domain}"
    port, security, auth = (465, "tls", "app-password") if rng.random() < 0.3 else (587, "starttls", "oauth2")
    fields = {"host": host, "port": port, "security": security, "auth": auth, "username": user,
              "password": "${SMTP_PASSWORD_%d}" % index, "from": f'"Notifications <{user}>"'}
    if provider is None:
        fields.update(port=25, security="starttls", auth="none")
        del fields["username"], fields["password"]
    cc, volume = "[]", rng.randint(10, 200)
    if bad:
        defect = rng.choice(DEFECTS)
        if defect == "port":
            fields["port"] = 465 if fields["port"] != 465 else 587
        elif defect == "password":
            fields["password"] = "s3cr3t-app-passw0rd"
        elif defect == "cc":
            cc, volume = "[accounting@example.com, audit@example.com]", 400
        elif defect == "typo":
            fields["hots"] = fields.pop("host")
        elif defect == "host":
            fields["host"] = host.replace("smtp.", "imap.")
        elif defect == "auth":
            fields["auth"] = "password"
    lines = [f"  account_{index}:"] + [f"    {key}: {value}" for key, value in fields.items()]
    lines += ["    message:", "      to: 1", f"      cc: {cc}", "    volume:", f"      messages_per_day: {volume}"]
    return "\n".join(lines)


def make_corpus(root: Path, count: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    target = root / f"corpus-{count}"
    for i in range(count):
        folder = target / f"team{i % 50:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        accounts = [account(rng, i, j, bad=rng.random() < 0.3) for j in range(rng.randint(2, 4))]
        text = "# outgoing mail for service %d\nversion: 1\naccounts:\n%s\n" % (i, "\n".join(accounts))
        (folder / f"mail-{i:05d}.yaml").write_text(text, encoding="utf-8")
    return target


ORDINARY = {
    "deploy/{name}/deployment.yaml": """apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  labels: {{app: {name}, tier: backend}}
spec:
  replicas: {n}
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}}}
    spec:
      containers:
        - name: {name}
          image: registry.example.com/{name}:1.{n}.0
          ports: [{{containerPort: 8080}}]
          env:
            - {{name: LOG_LEVEL, value: info}}
            - {{name: DATABASE_URL, valueFrom: {{secretKeyRef: {{name: {name}-db, key: url}}}}}}
          resources:
            limits: {{cpu: 500m, memory: 256Mi}}
          readinessProbe:
            httpGet: {{path: /healthz, port: 8080}}
---
apiVersion: v1
kind: Service
metadata:
  name: {name}
spec:
  selector: {{app: {name}}}
  ports: [{{port: 80, targetPort: 8080}}]
""",
    ".github/workflows/{name}.yml": """name: {name}
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python: ["3.10", "3.11", "3.12"]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{{{ matrix.python }}}}
      - run: pip install -e '.[test]'
      - run: pytest -q
""",
    "charts/{name}/values.yaml": """replicaCount: {n}
image:
  repository: registry.example.com/{name}
  tag: "1.{n}.0"
  pullPolicy: IfNotPresent
service:
  type: ClusterIP
  port: 80
ingress:
  enabled: true
  hosts:
    - host: {name}.example.com
      paths: [{{path: /, pathType: Prefix}}]
resources:
  limits: {{cpu: 200m, memory: 128Mi}}
config:
  cache: {{ttl: 300, size: 1000}}
  features: [search, export, audit]
""",
    "compose/{name}/docker-compose.yml": """services:
  app:
    image: registry.example.com/{name}:latest
    environment:
      - DATABASE_URL=postgres://app@db/app
      - REDIS_URL=redis://cache:6379
    depends_on: [db, cache]
  db:
    image: postgres:16
    volumes: [db:/var/lib/postgresql/data]
  cache:
    image: redis:7
volumes:
  db: {{}}
""",
    "services/{name}/application.yml": """server:
  port: 8080
spring:
  datasource:
    url: jdbc:postgresql://db/{name}
    username: {name}
  jpa:
    hibernate:
      ddl-auto: validate
logging:
  level:
    root: INFO
""",
}
"""Templates of the YAML a config repository holds besides its mail settings."""


def make_realrepo(root: Path, seed: int = 11) -> Path:
    """A real-repository shape: 1,900 ordinary YAML files (manifests, CI, charts, compose,
    Spring configs without mail) and 100 mail configs, mixed in one tree."""
    target = root / "realrepo"
    templates = list(ORDINARY.items())
    for i in range(1900):
        path, text = templates[i % len(templates)]
        file = target / path.format(name=f"svc{i:04d}")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text.format(name=f"svc{i:04d}", n=i % 7 + 1), encoding="utf-8")
    mail = make_corpus(root, 100, seed)
    shutil.move(str(mail), str(target / "mail"))
    return target


def files_of(corpus: Path) -> list[str]:
    return sorted(str(p) for pattern in ("*.yaml", "*.yml") for p in corpus.rglob(pattern))


def timed(command: list[str], cwd: Path) -> tuple[float, int, int, str]:
    """Wall seconds, peak RSS in KiB, exit code and a digest of the output of one run."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.DEVNULL, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        output.seek(0)
        digest = hashlib.sha256(output.read()).hexdigest()
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status), digest


def install(root: Path) -> Path:
    """emaillint installed from this checkout into a new virtualenv, as users install it.

    The README's test install is editable: setuptools' editable finder resolves every
    emaillint import through pathlib, which adds 30-50 ms to each run that users, who
    install a wheel, never pay.
    """
    import venv

    env = root / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    str(REPO)], check=True)
    return env / "bin" / "emaillint"


def tools(corpus: Path, count: int, emaillint: Path) -> dict[str, list[str]]:
    bin_dir = Path(sys.executable).parent
    files = files_of(corpus)
    target = [files[0]] if count == 1 else [str(corpus)]
    return {
        "emaillint": [str(emaillint), "check", "--as-of", AS_OF, "-j", "1", *target],
        "emaillint -j": [str(emaillint), "check", "--as-of", AS_OF, *target],
        "check-jsonschema": [str(bin_dir / "check-jsonschema"), "--schemafile", str(SCHEMA), *files],
        "yamllint": [str(bin_dir / "yamllint"), *target],
        "parse-only floor": [sys.executable, "-c", FLOOR, *target],
    }


def measure(rounds_by_size: dict[int, int], editable: bool) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="emaillint-bench-") as tmp:
        emaillint = Path(sys.executable).parent / "emaillint" if editable else install(Path(tmp))
        for count, rounds in rounds_by_size.items():
            corpus = make_realrepo(Path(tmp)) if count == REALREPO else make_corpus(Path(tmp), count)
            commands = tools(corpus, count, emaillint)
            times: dict[str, list[float]] = {name: [] for name in commands}
            memory: dict[str, int] = {name: 0 for name in commands}
            codes: dict[str, set[int]] = {name: set() for name in commands}
            outputs: dict[str, set[str]] = {name: set() for name in commands}
            for _ in range(rounds):
                for name, command in commands.items():
                    elapsed, rss, code, digest = timed(command, corpus)
                    times[name].append(elapsed)
                    memory[name] = max(memory[name], rss)
                    codes[name].add(code)
                    outputs[name].add(digest)
            for name in commands:
                rows.append({"files": count, "tool": name, "median": statistics.median(times[name]),
                             "rss": memory[name], "rounds": rounds, "codes": sorted(codes[name])})
            rows[-len(commands)]["same"] = outputs["emaillint"] == outputs["emaillint -j"] and len(outputs["emaillint"]) == 1
            shutil.rmtree(corpus)
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| files | tool | median wall (s) | emaillint / tool | peak RSS (MiB) | exit codes |",
        "| ---: | --- | ---: | ---: | ---: | --- |",
    ]
    same = ", ".join(f"{row['files']:,} files: {'identical' if row['same'] else 'DIFFERENT'}"
                     for row in rows if "same" in row)
    for row in rows:
        base = next(r["median"] for r in rows if r["files"] == row["files"] and r["tool"] == "emaillint")
        ratio = base / row["median"] if row["median"] else float("nan")
        lines.append(f"| {row['files']:,} | {row['tool']} | {row['median']:.3f} | {ratio:.2f} |"
                     f" {row['rss'] / 1024:.1f} | {', '.join(map(str, row['codes']))} |")
    return "\n".join(lines) + f"\n\n`emaillint -j` output against `emaillint`, every round: {same}.\n"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({cpu}), "
            f"Python {platform.python_version()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one round per size and 1,000 instead of 10,000 files")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--only", metavar="SIZES", help=f"only these corpus sizes, e.g. 1,{REALREPO} ({REALREPO}:"
                                                        " the real-repository shape)")
    parser.add_argument("--editable", action="store_true",
                        help="time the emaillint of this environment instead of a fresh non-editable install")
    args = parser.parse_args()
    sizes = {1: 1, 100: 1, REALREPO: 1, 1_000: 1} if args.quick else SIZES
    if args.only:
        sizes = {size: rounds for size, rounds in sizes.items() if str(size) in args.only.split(",")}
    started = time.strftime("%Y-%m-%d %H:%M")
    rows = measure(sizes, args.editable)
    text = (
        "# emaillint benchmark\n\n"
        f"Run {started} on {machine()} with `python benchmarks/run.py`. Whole-process wall time,"
        " median of the rounds shown; tools interleaved round by round. `emaillint` is one"
        " process on one core (`-j 1`), installed from this checkout into a fresh virtualenv"
        f"{' (here: the editable install of the environment)' if args.editable else ''};"
        " `emaillint -j` uses every core (its peak RSS is the main process's; each worker"
        " is about as large). `emaillint / tool` below 1 means emaillint is faster.\n\n"
        + table(rows) + "\n"
    )
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
