"""The contributor's loop: run only the tests a change in the work tree can affect.

``python3.11 -m autograd_lab check`` asks git which files differ from ``HEAD``
(staged, unstaged and untracked), maps each to what it can break, and runs
only that:

* a lecture notebook: both languages of its topic (the parity twin) through
  nbval, the lecture rules, the parity of the pair, the glossary;
* an assignment's source notebook or a topic's catalogue: both languages of
  the assignment, their release regenerated with nbgrader, then the release,
  exercise-rule, message, parity and glossary tests, and every catalogued
  answer graded by the real nbgrader (tests/test_assignments.py);
* the start pages, the READMEs, ``course.py`` or the glossary: the start-page,
  glossary and environment tests.

Anything else (the course's package, the tests, the grader, the
configuration) can affect everything: it is listed as skipped, and the full
suite (``python3.11 -m autograd_lab test``, CI's command) is the way to test it.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .course import LANGUAGES, ROOT, TOPICS

DOCS = {"README.md", "README.pt-BR.md", "notebooks/START_HERE.md", "notebooks/COMECE_AQUI.md",
        "autograd_lab/course.py", "autograd_lab/glossary.py"}


@dataclass
class Plan:
    lectures: list = field(default_factory=list)  # notebook paths, both languages of each topic touched
    assignments: list = field(default_factory=list)  # assignment names, both languages
    topics: set = field(default_factory=set)  # topic numbers whose tests run
    docs: bool = False
    skipped: list = field(default_factory=list)  # changed files this loop does not cover

    @property
    def empty(self) -> bool:
        return not (self.lectures or self.assignments or self.docs)

    def pytest_arguments(self) -> list:
        """Paths and a -k expression selecting the tests of this plan."""
        paths, keys = [], []
        for lecture in self.lectures:
            paths.append(str(Path(lecture).relative_to(ROOT)))
        if self.lectures:
            paths += ["tests/test_lectures.py", "tests/test_parity.py"]
        if self.assignments:
            paths += ["tests/test_assignments.py", "tests/test_exercise_rules.py", "tests/test_release.py",
                      "tests/test_messages.py", "tests/test_parity.py"]
        if self.docs:
            paths += ["tests/test_start_pages.py", "tests/test_environment.py"]
        paths.append("tests/test_glossary.py")
        for number in sorted(self.topics):
            keys += [f"topic-{number}", f"lecture-{number}", f"source-{number}", f"release-{number}",
                     f"{number:02d}-en", f"{number:02d}-pt"]
        keys += [Path(p).stem for p in self.lectures] + list(self.assignments)
        keys += ["glossary", "messages"]
        if self.docs:
            keys += ["start", "environment", "readme"]
        return [*dict.fromkeys(paths), "-k", " or ".join(dict.fromkeys(keys))]


def changed_files(root: Path = ROOT) -> list:
    """Files that differ from HEAD in the work tree, and untracked files, relative to the root."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout.split("\n")

    names = git("diff", "--name-only", "HEAD") + git("ls-files", "--others", "--exclude-standard")
    return sorted({name for name in names if name})


def _topic_of_stem(stem: str):
    match = re.match(r"(\d\d)_", stem)
    if not match:
        return None
    number = int(match.group(1))
    return next((t for t in TOPICS if t.number == number), None)


def plan_for(files: list, root: Path = ROOT) -> Plan:
    plan = Plan()

    def add_lectures(topic):
        for lang in LANGUAGES:
            path = topic.lecture(lang, root)
            if path.exists() and path not in plan.lectures:
                plan.lectures.append(path)
        plan.topics.add(topic.number)

    def add_assignments(topic):
        for lang in LANGUAGES:
            name = topic.assignment(lang)
            if topic.source(lang, root).exists() and name not in plan.assignments:
                plan.assignments.append(name)
        plan.topics.add(topic.number)

    for name in files:
        parts = Path(name).parts
        topic = None
        if len(parts) == 3 and parts[0] == "notebooks" and parts[1] in LANGUAGES and name.endswith(".ipynb"):
            topic = _topic_of_stem(parts[2])
            if topic is not None:
                add_lectures(topic)
                continue
        if len(parts) >= 2 and parts[0] in ("source", "release"):
            topic = _topic_of_stem(parts[1])
            if topic is not None:
                add_assignments(topic)
                continue
        match = re.fullmatch(r"autograd_lab/wrong_answers/topic(\d+)\.py", name)
        if match:
            topic = next((t for t in TOPICS if t.number == int(match.group(1))), None)
            if topic is not None:
                add_assignments(topic)
                continue
        if name in DOCS:
            plan.docs = True
            continue
        plan.skipped.append(name)
    return plan
