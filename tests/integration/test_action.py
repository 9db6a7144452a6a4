"""The GitHub Action (action.yml): its structure, and its shell steps run as the runner runs
them, as far as that goes without GitHub: a fresh virtualenv with emaillint installed from
the checkout, a lint of a temporary git repository, the SARIF file checked against the
official schema; the upload step (github/codeql-action) is evaluated, not run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml

from emaillint import __version__

from helpers import AS_OF, GMAIL_465_STARTTLS, REPO, SHARED, readme_blocks

pytestmark = pytest.mark.integration

ACTION = REPO / "action.yml"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
BASH = ["bash", "--noprofile", "--norc", "-eo", "pipefail"]
"""How the runner runs a ``shell: bash`` step (GitHub's docs, "jobs.<job_id>.steps[*].shell")."""


def action() -> dict[str, Any]:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


# --- structure ----------------------------------------------------------------------------------

def test_the_action_is_composite_and_every_input_is_declared_used_and_described():
    spec = action()
    assert spec["name"] == "emaillint" and spec["description"]
    assert spec["runs"]["using"] == "composite"
    declared = spec["inputs"]
    for name, declaration in declared.items():
        assert declaration["description"].strip(), name
        assert declaration["required"] is False and isinstance(declaration["default"], str), name
    conditions = [step["if"] for step in spec["runs"]["steps"] if "if" in step]  # expressions without ${{ }}
    expressions = " ".join(EXPRESSION.findall(ACTION.read_text()) + conditions)
    used = set(re.findall(r"\binputs\.([\w-]+)", expressions))
    assert used == set(declared)  # every ${{ inputs.X }} is declared, and every input is used
    assert {"paths", "args", "version", "upload-sarif"} <= set(declared)


def test_steps_read_only_outputs_that_earlier_steps_write_and_never_paste_expressions_into_scripts():
    steps = action()["runs"]["steps"]
    written: dict[str, set[str]] = {}
    for step in steps:
        expressions = " ".join(EXPRESSION.findall(yaml.safe_dump({k: v for k, v in step.items() if k != "id"})))
        for step_id, output in re.findall(r"\bsteps\.([\w-]+)\.outputs\.([\w-]+)", expressions):
            assert output in written.get(step_id, set()), (step["name"], step_id, output)
        if "run" in step:
            assert step["shell"] == "bash", step["name"]
            assert "${{" not in step["run"], f"{step['name']}: pass inputs through env:, not into the script"
            if "id" in step:
                written[step["id"]] = set(re.findall(r'echo "([\w-]+)=', step["run"]))
        else:
            assert re.fullmatch(r"[\w-]+/[\w/-]+@v\d+", step["uses"]), step["uses"]
    outputs = action()["outputs"]
    for name, output in outputs.items():
        for step_id, value in re.findall(r"\bsteps\.([\w-]+)\.outputs\.([\w-]+)", output["value"]):
            assert value in written[step_id], name
    [upload] = [step for step in steps if "uses" in step]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert steps.index(upload) < len(steps) - 1 and steps[-1]["name"] == "Fail on findings"


def test_the_documented_workflows_use_the_action_with_its_own_inputs():
    snippets = readme_blocks("In CI", "yaml") + readme_blocks("The GitHub Action", "yaml", "docs/ci.md")
    uses = []
    for snippet in snippets:
        document = yaml.safe_load(snippet)
        steps = document["jobs"]["emaillint"]["steps"] if "jobs" in document else document["steps"]
        uses += [step for step in steps if step.get("uses", "").startswith("OWNER/emaillint@")]
    assert len(uses) == 2
    for step in uses:
        assert set(step["with"]) <= set(action()["inputs"]), step["with"]
        assert str(step["with"]["upload-sarif"]).lower() == "true"


# --- a local runner --------------------------------------------------------------------------------

class Step(NamedTuple):
    name: str
    ran: bool
    status: int = 0
    output: str = ""
    with_: dict[str, str] = {}


class Runner:
    """Runs the action's steps in order, as the runner does: ``if:`` evaluated, ``env:`` and
    ``with:`` expanded, ``run:`` in bash with the runner's flags and ``$GITHUB_OUTPUT``; a
    ``uses:`` step is recorded with its evaluated inputs. The expressions it understands are
    the ones action.yml uses (contexts inputs, steps, github; ``==``, ``!=``, ``&&``, ``||``,
    ``!``, quoted strings, compared without regard to case as GitHub does); anything else
    fails the test, so a new construct in action.yml needs teaching here first."""

    def __init__(self, inputs: dict[str, str], cwd: Path, temp: Path, outputs: dict[str, dict[str, str]] | None = None,
                 environ: dict[str, str] | None = None) -> None:
        declared = action()["inputs"]
        unknown = set(inputs) - set(declared)
        assert not unknown, f"not inputs of the action: {unknown}"
        self.inputs = {name: inputs.get(name, spec["default"]) for name, spec in declared.items()}
        self.cwd = cwd
        self.temp = temp
        self.outputs = dict(outputs or {})
        self.environ = {key: value for key, value in os.environ.items()
                        if not key.startswith(("GITHUB_", "RUNNER_", "PIP_REQUIRE_VIRTUALENV", "VIRTUAL_ENV"))}
        self.environ.update({"GITHUB_ACTIONS": "true", "CI": "true", "GITHUB_WORKSPACE": str(cwd),
                             "GITHUB_ACTION_PATH": str(temp / "action"), "RUNNER_TEMP": str(temp)})
        self.environ.update(environ or {})

    def value(self, expression: str) -> str:
        parts = expression.split(".")
        if parts[0] == "inputs" and len(parts) == 2:
            return self.inputs[parts[1]]
        if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            return self.outputs.get(parts[1], {}).get(parts[3], "")
        if expression == "github.action_path":
            return self.environ["GITHUB_ACTION_PATH"]
        raise AssertionError(f"the test runner cannot evaluate '{expression}'")

    def expand(self, text: str) -> str:
        return EXPRESSION.sub(lambda match: self.value(match.group(1)), text)

    def condition(self, text: str) -> bool:
        token = re.compile(r"\s*(?:'((?:[^']|'')*)'|(==|!=|&&|\|\||!|\(|\))|([A-Za-z_][\w.-]*))")
        python, position = [], 0
        text = EXPRESSION.sub(r"\1", text).strip()
        while position < len(text):
            match = token.match(text, position)
            assert match, f"the test runner cannot evaluate '{text}'"
            literal, operator, name = match.groups()
            if literal is not None:
                python.append(repr(literal.replace("''", "'").lower()))
            elif operator:
                python.append({"&&": " and ", "||": " or ", "!": " not "}.get(operator, operator))
            else:
                python.append(repr(self.value(name).lower()))
            position = match.end()
        return bool(eval("".join(python), {"__builtins__": {}}))  # only literals and operators

    def run(self, only: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> list[Step]:
        """The steps named (by id, else name) in ``only``, or all but those in ``skip``."""
        done = []
        for step in action()["runs"]["steps"]:
            name = step.get("id", step["name"])
            if (only and name not in only) or name in skip:
                continue
            if "if" in step and not self.condition(step["if"]):
                done.append(Step(step["name"], False))
                continue
            if "uses" in step:
                done.append(Step(step["name"], True, with_={k: self.expand(v) for k, v in step["with"].items()}))
                continue
            outputs = self.temp / f"output-{len(done)}"
            outputs.write_text("")
            env = {**self.environ, "GITHUB_OUTPUT": str(outputs),
                   **{k: self.expand(str(v)) for k, v in step.get("env", {}).items()}}
            result = subprocess.run([*BASH, "-c", step["run"]], cwd=self.cwd, env=env, capture_output=True,
                                    text=True, timeout=600)
            written = outputs.read_text()
            assert "<<" not in written  # multi-line outputs would need the runner's delimiter syntax
            self.outputs[step.get("id", step["name"])] = dict(line.split("=", 1) for line in written.splitlines())
            done.append(Step(step["name"], True, result.returncode, result.stdout + result.stderr))
            if result.returncode:
                break  # the runner stops the job at a failed step
        return done


def assert_valid_sarif(path: Path) -> dict[str, Any]:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == "2.1.0"
    if SARIF_SCHEMA.is_file():
        from jsonschema import Draft4Validator

        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        errors = list(Draft4Validator(schema).iter_errors(document))
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    return document


@pytest.fixture(scope="module")
def installed(tmp_path_factory, checkout) -> tuple[Path, dict[str, str]]:
    """The install step, run once: a fresh virtualenv in RUNNER_TEMP, emaillint from the checkout."""
    temp = tmp_path_factory.mktemp("runner-temp")
    (temp / "action").symlink_to(checkout, target_is_directory=True)
    runner = Runner({}, temp, temp)
    [install] = runner.run(only=("install",))
    assert install.status == 0, install.output
    assert f"emaillint {__version__}" in install.output
    emaillint = Path(runner.outputs["install"]["emaillint"])
    assert emaillint.parent.parent == temp / "emaillint-venv" and emaillint.exists()
    return temp, runner.outputs["install"]


def repository(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


BAD = GMAIL_465_STARTTLS
CLEAN = BAD.replace("port: 465", "port: 587")


def test_findings_are_uploaded_and_then_fail_the_run(tmp_path, installed):
    temp, install = installed
    project = repository(tmp_path / "project", {"mail/bad.yaml": BAD, "mail/clean.yaml": CLEAN,
                                                "notes/other.yaml": BAD})
    runner = Runner({"paths": "mail", "args": f"--as-of {AS_OF}", "upload-sarif": "true"}, project, temp,
                    {"install": install})
    annotate, lint, upload, fail = runner.run(skip=("install",))
    assert (lint.ran, lint.status) == (True, 0)  # findings do not stop the job before the upload
    assert runner.outputs["lint"] == {"exit-code": "1", "sarif": "written"}
    assert annotate.ran and annotate.status == 0
    assert "::error file=mail/bad.yaml,line=5,col=15,title=emaillint (port-security-mismatch)::" in annotate.output
    assert "notes/other.yaml" not in annotate.output  # only the given paths
    assert upload.ran and upload.with_ == {"sarif_file": "emaillint.sarif", "category": "emaillint"}
    document = assert_valid_sarif(project / upload.with_["sarif_file"])
    results = document["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results] == [
        ("port-security-mismatch", "mail/bad.yaml")]
    assert (fail.ran, fail.status) == (True, 1) and "emaillint exited with 1" in fail.output


def test_a_clean_run_passes_and_uploads_only_when_asked(tmp_path, installed):
    temp, install = installed
    project = repository(tmp_path / "project", {"mail/clean.yaml": CLEAN})
    for switch, on in (("true", True), ("false", False), ("TRUE", True)):  # compared as GitHub does
        runner = Runner({"paths": "mail", "args": f"--as-of {AS_OF}", "upload-sarif": switch,
                         "annotations": "false" if on else "true", "sarif-file": "out/emaillint.sarif",
                         "category": "mail"}, project, temp, {"install": install})
        (project / "out").mkdir(exist_ok=True)
        annotate, lint, upload, fail = runner.run(skip=("install",))
        assert (lint.status, lint.output, runner.outputs["lint"]["exit-code"]) == (0, "", "0")
        assert annotate.ran is not on and upload.ran is on
        assert annotate.output == ("1 file checked: no findings\n" if annotate.ran else "")
        assert not fail.ran
        assert assert_valid_sarif(project / "out" / "emaillint.sarif")["runs"][0]["results"] == []
    assert upload.with_ == {"sarif_file": "out/emaillint.sarif", "category": "mail"}


def test_a_usage_error_uploads_nothing_and_fails_with_2(tmp_path, installed):
    temp, install = installed
    project = repository(tmp_path / "project", {"mail/clean.yaml": CLEAN})
    runner = Runner({"paths": "mail", "args": "--select no-such-rule", "upload-sarif": "true"}, project, temp,
                    {"install": install})
    _, lint, upload, fail = runner.run(skip=("install",))
    assert runner.outputs["lint"] == {"exit-code": "2"}
    assert "emaillint: error: --select: no rule 'no-such-rule'" in lint.output
    assert not upload.ran
    assert (fail.ran, fail.status) == (True, 2)


def test_paths_and_arguments_are_split_on_white_space_and_never_run_as_shell(tmp_path, installed):
    temp, install = installed
    project = repository(tmp_path / "project", {"a/bad.yaml": BAD, "b/bad.yaml": BAD, "c/bad.yaml": BAD})
    runner = Runner({"paths": "a\nb  $(touch pwned) *", "args": f"--as-of {AS_OF} --ignore port-security-mismatch"},
                    project, temp, {"install": install})
    annotate, lint, _, _ = runner.run(skip=("install",))
    assert not (project / "pwned").exists()
    for step in (annotate, lint):
        assert "$(touch: no such file or directory" in step.output and "*: no such file or directory" in step.output
    assert "a/bad.yaml" not in annotate.output  # --ignore reached emaillint as an argument


def test_a_version_is_asked_of_the_package_index(tmp_path, checkout):
    """Without a network the index cannot be reached: an empty one shows what pip is asked for."""
    (tmp_path / "action").symlink_to(checkout, target_is_directory=True)
    (tmp_path / "empty-index").mkdir()
    runner = Runner({"version": "0.1.0"}, tmp_path, tmp_path,
                    environ={"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(tmp_path / "empty-index")})
    [install] = runner.run(only=("install",))
    assert install.status != 0
    assert "No matching distribution found for emaillint==0.1.0" in install.output
