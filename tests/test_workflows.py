"""The GitHub workflows, checked statically (GitHub itself cannot run here): triggers, pinning,
permissions, the Pages deploy, and zizmor's audit."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))        # YAML 1.1 reads the key `on` as true
    return data


def all_workflows() -> dict[str, dict]:
    return {p.name: load(p.name) for p in sorted(WORKFLOWS.glob("*.yml"))}


def test_the_two_workflows_exist():
    assert set(all_workflows()) >= {"ci.yml", "pages.yml"}


def test_no_pull_request_target_and_ci_runs_on_prs_and_pushes():
    for name, wf in all_workflows().items():
        assert "pull_request_target" not in (wf["on"] or {}), name
        assert "workflow_run" not in (wf["on"] or {}), name
    ci = load("ci.yml")
    assert "pull_request" in ci["on"] and "push" in ci["on"]
    assert load("pages.yml")["on"]["push"]["branches"] == ["main"]


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = re.match(r"\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
            if not m:
                continue
            assert SHA_PIN.match(m.group(1)), f"{path.name}:{n}: {m.group(1)} is not pinned to a full commit SHA"
            assert re.match(r"\s+#\s*v\d+(?:\.\d+)*", m.group(2)), f"{path.name}:{n}: say the version in a comment"


def test_permissions_least_privilege():
    for name, wf in all_workflows().items():
        assert wf["permissions"] == {"contents": "read"}, name
        for job_name, job in wf["jobs"].items():
            perms = job.get("permissions", {})
            writes = {k for k, v in perms.items() if v == "write"}
            if name == "pages.yml" and job_name == "deploy":
                assert writes == {"pages", "id-token"}
            else:
                assert not writes, (name, job_name, perms)


def test_pages_deploy_environment_and_concurrency():
    wf = load("pages.yml")
    assert wf["concurrency"]["cancel-in-progress"] is False
    deploy = wf["jobs"]["deploy"]
    assert deploy["environment"]["name"] == "github-pages"
    uses = [s.get("uses", "") for s in deploy["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    build_uses = [s.get("uses", "") for s in wf["jobs"]["build"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in build_uses)
    assert deploy["needs"] == "build"


def test_checkouts_do_not_keep_credentials():
    for name, wf in all_workflows().items():
        for job in wf["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, name


def test_ci_runs_the_tests_with_the_browser_builds_and_uploads_the_site():
    steps = load("ci.yml")["jobs"]["test"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "make test" in runs and "make build" in runs and "chromium" in runs
    assert load("ci.yml")["jobs"]["test"]["env"]["EXPLAINER_REQUIRE_BROWSER"] == "1"
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in steps)
    assert "explainer diff" in runs and "GITHUB_STEP_SUMMARY" in runs
    # nothing from the event is pasted into a shell script
    assert not re.search(r"\$\{\{\s*github\.event", runs)


def test_dependabot_keeps_actions_and_python_current():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"github-actions", "pip"}


def test_zizmor_finds_nothing_of_medium_severity_or_more():
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert zizmor, "zizmor is in requirements-dev.txt: run `make install`"
    r = subprocess.run([zizmor, "--offline", "--format", "json", str(ROOT / ".github")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode in (0, 10, 11, 12, 13, 14), r.stderr      # exit codes >= 10 report findings by severity
    findings = json.loads(r.stdout or "[]")
    serious = [f for f in findings if f["determinations"]["severity"].lower() in ("medium", "high")]
    assert not serious, json.dumps(serious, indent=1)[:3000]
