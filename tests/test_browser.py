"""The course in a real browser: JupyterLab in headless Chromium, driven by Playwright.

JupyterLab runs on 127.0.0.1 with a token, on a temporary copy of the course
(``notebooks/``, ``release/``, ``source/`` and ``nbgrader_config.py``), with
its configuration, settings and home folders temporary too, so that nothing
of the user's own JupyterLab leaks in.  The topic 1 assignment is released to
the course's own exchange (``exchange/`` in the copy, as the configuration
says) before the server starts.  Then, the way a student does it:

1. the start page in Portuguese lists the series; its link opens the
   Portuguese lecture of topic 1, whose cells all run with no error output
   (but for the cells the lesson makes fail on purpose) and whose figure is
   drawn, with its alt text;
2. in the Assignments tab (nbgrader's assignment list) the released
   assignment is fetched and opened; the reference answers, typed into the
   solution cells, make nbgrader's **Validate** button report success; a
   catalogued wrong answer makes it fail with the Portuguese hint, which
   running the notebook shows too, wrapped, under the test cell; **Submit**
   hands the notebook in to the exchange; the instructor collects and
   autogrades it with nbgrader's commands and finds, in the **Formgrader**,
   the student's score and, under Manual Grading, the answer with the
   autograder's score of each cell;
3. Settings → Language switches the interface to Brazilian Portuguese, and
   after the reload a menu shows its Portuguese labels.

Each step saves a screenshot in ``artifacts/browser/``.

Nothing of topic 1's text is copied here, so that revising the topic does
not break the test: the correct answers come from the source notebook's
solutions, the wrong answer and its hint from the catalogue, the alt text
from the notebook that ran.

Chromium is Debian's ``chromium`` package (Playwright cannot download its own
browser here).  Without it the tests are skipped, with the reason, on a
student's machine; under CI (``CI=true``) they fail instead, and
``python3.11 -m autograd_lab test`` installs it first (``bootstrap.ensure_browser``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from autograd_lab import bootstrap, grading
from autograd_lab.course import EXERCISES_NOTEBOOK, ROOT, topic
from autograd_lab.startpage import PAGES
from autograd_lab.wrong_answers import catalogue
from tests.jupyter_server import serving

ARTIFACTS = ROOT / "artifacts" / "browser"
TOPIC = topic(1)
LANG = "pt"
ASSIGNMENT = TOPIC.assignment(LANG)
NOTEBOOK = EXERCISES_NOTEBOOK[LANG]
LECTURE = TOPIC.lecture(LANG, Path(".")).as_posix()  # notebooks/pt/01_produto_escalar.ipynb
# The flags this machine's notes give for Chromium: no sandbox as root, no
# GPU, and no background connections (the network is closed).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# What the Portuguese README tells a student to click, and a menu label it
# promises in Portuguese (from the pinned jupyterlab-language-pack-pt-BR).
LANGUAGE_ITEM = "Portuguese (Brazil) - Português (Brasil)"
KERNEL_ITEM_PT = "Reiniciar o kernel…"
# Generous limits for a slow, busy 2-core machine: every wait is on a condition.
SLOW = 180_000  # ms: running a notebook, validating it
STEP = 60_000  # ms: any other user-visible change

CURRENT = "window.jupyterapp.shell.currentWidget"


@pytest.fixture(scope="module")
def chromium():
    path = bootstrap.chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true and Chromium is not installed: the browser test must run under CI "
                        "(`python3.11 -m autograd_lab test` installs Debian's chromium package)")
        pytest.skip("Chromium is not installed (no chromium command, no /usr/bin/chromium): "
                    "`sudo apt-get install chromium` (Debian, Ubuntu) lets the browser test run")
    return path


def _lab_environment(home: Path) -> dict:
    """The server's environment: the course's Python first, every Jupyter folder temporary."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JUPYTER", "LC_")) and key not in ("LANGUAGE", "PYTHONHOME", "MPLBACKEND")
    }
    env.update(
        HOME=str(home),
        PATH=str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", ""),
        PYTHONUTF8="1",
        JUPYTER_PREFER_ENV_PATH="1",
        JUPYTER_CONFIG_DIR=str(home / "jupyter-config"),
        JUPYTER_DATA_DIR=str(home / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(home / "jupyter-runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "lab-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "lab-workspaces"),
        # The interface starts in English whatever the machine's language.
        LANG="C.UTF-8",
    )
    return env


def _lab_command_arguments() -> list:
    """The arguments `python3.11 -m autograd_lab lab` gives JupyterLab for a Portuguese speaker, but its folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LC_ALL", "pt_BR.UTF-8")
        arguments = bootstrap.lab_arguments()
    assert f"--LabApp.default_url=/lab/tree/{PAGES[LANG]}" in arguments, arguments
    # (Running as root is allowed, as the command does for root.)
    return [a for a in arguments if not a.startswith(("--ServerApp.root_dir=", "--ServerApp.allow_root="))] + [
        "--ServerApp.allow_root=True"
    ]


@pytest.fixture(scope="module")
def lab(chromium, tmp_path_factory):
    """JupyterLab on a temporary copy of the course, with topic 1 released to its exchange."""
    base = tmp_path_factory.mktemp("browser")
    course, home = base / "course", base / "home"
    for folder in ("notebooks", "release", "source"):
        shutil.copytree(ROOT / folder, course / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    # The instructor's first two steps: the student version and its gradebook
    # entry (which the autograding at the end needs), then the release.
    grading.generate(course, ASSIGNMENT)
    grading.nbgrader(course, "release_assignment", ASSIGNMENT)
    # No "would you like to get Jupyter news?" toast over the screenshots (it
    # asks the first time, and the settings folder is always new here).
    news = home / "lab-settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")

    # The validate handler reads nbgrader_config.py from the server's working
    # folder: start it in the course, as `python3.11 -m autograd_lab lab` does.
    with serving(
        [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={course}", *_lab_command_arguments(),
         "--LabApp.expose_app_in_browser=True"],
        cwd=course,
        log=base / "jupyterlab.log",
        env=_lab_environment(home),
    ) as (url, token):
        yield {"url": url, "token": token, "course": course, "home": home, "log": base / "jupyterlab.log"}


@pytest.fixture(scope="module")
def page(chromium, lab):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
            page = context.new_page()
            page.set_default_timeout(STEP)
            errors = []

            def uncaught(error):
                # The formgrader's pages load MathJax from its CDN, which a
                # closed network (this machine's, CI's) cannot reach: their
                # math stays as TeX and their script says so.  That one
                # error, from those pages, is the network's, not the course's.
                if str(error) == "MathJax is not defined" and "/formgrader/" in (error.stack or ""):
                    return
                errors.append(f"{error}\n{error.stack}")

            page.on("pageerror", uncaught)
            page.errors = errors
            yield page
        finally:
            browser.close()


def shot(page, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    return path


@contextlib.contextmanager
def step(page, name: str):
    """Save a screenshot NAME-failed.png if the step fails, to see what the browser showed."""
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):
            shot(page, f"{name}-failed")
        raise


def open_lab(page, lab, path=None) -> None:
    """Open JupyterLab and wait until it has finished restoring its layout.

    With no path, the server's default URL: the start page, as a student
    first sees it.  Otherwise ``path`` ("" for none) in a reset workspace, so
    that no tab of an earlier test comes back and takes the focus.
    """
    if path is None:
        target = f"{lab['url']}/?token={lab['token']}"
    else:
        target = f"{lab['url']}/lab{'/tree/' + path if path else ''}?reset&token={lab['token']}"
    page.goto(target)
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.started", timeout=SLOW)
    # Restored: the workspace and the document of the URL are open (they
    # would otherwise be activated after the test's first click).
    page.evaluate("async () => { await window.jupyterapp.restored; }")
    page.wait_for_function("() => document.querySelector('.lm-MenuBar-itemLabel') !== null", timeout=STEP)
    if path == "":
        # An empty workspace gets a Launcher, opened just after the restore:
        # wait for it, or it comes to the front over the next panel opened.
        page.locator(".jp-Launcher").wait_for(state="visible")
    elif path is None:
        # The default URL opens the start page just after the restore: wait
        # until it is the current tab, or it comes to the front over the next
        # document opened (seen once, on a loaded machine).
        page.wait_for_function(
            f"path => {{ const w = {CURRENT}; return !!(w && w.context && w.context.path === path); }}",
            arg=PAGES[LANG],
            timeout=STEP,
        )


def menu(page, top: str, *items: str) -> None:
    """Click a menu of the menu bar, then each item of the submenus (labels as shown)."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{re.escape(top)}$")).click()
    for item in items:
        page.locator(".lm-Menu-item:visible", has=page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(item)}$"))).click()


def wait_for_notebook(page, path: str) -> None:
    """Until ``path`` is the current tab, loaded, with its kernel started and idle."""
    page.wait_for_function(
        f"""path => {{
            const w = {CURRENT};
            return !!(w && w.context && w.context.path === path && w.context.isReady && w.content
                && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel
                && w.sessionContext.session.kernel.status === 'idle');
        }}""",
        arg=path,
        timeout=SLOW,
    )


def code_cells(page) -> list:
    """The code cells of the current notebook, from JupyterLab's model."""
    return page.evaluate(
        f"""() => {{
            const cells = [];
            {CURRENT}.content.widgets.forEach((w, index) => {{
                const m = w.model;
                if (m.type !== 'code') return;
                cells.push({{index, id: m.id, tags: m.getMetadata('tags') || [],
                             grade_id: (m.getMetadata('nbgrader') || {{}}).grade_id || null,
                             count: m.executionCount, source: m.sharedModel.getSource(),
                             outputs: m.outputs.toJSON()}});
            }});
            return cells;
        }}"""
    )


def mark_cells(page) -> None:
    """Give every cell's node attributes to find it by: its index and nbgrader grade id."""
    page.evaluate(
        f"""() => {CURRENT}.content.widgets.forEach((w, index) => {{
            w.node.setAttribute('data-test-index', String(index));
            const gid = (w.model.getMetadata('nbgrader') || {{}}).grade_id;
            if (gid) w.node.setAttribute('data-test-grade-id', gid);
        }})"""
    )


def type_into_cell(page, grade_id: str, code: str) -> None:
    """Replace a cell's code the way a person does: click in it, select all, type."""
    editor = page.locator(f".jp-Cell[data-test-grade-id='{grade_id}'] .cm-content")
    editor.scroll_into_view_if_needed()
    editor.click()
    page.keyboard.press("Control+A")
    # insert_text types the text as one input: no auto-indentation or
    # auto-closed brackets added on top of the code's own.
    page.keyboard.insert_text(code)
    typed = {c["grade_id"]: c["source"] for c in code_cells(page)}[grade_id]
    assert typed == code, f"the editor of {grade_id} holds {typed!r}"


def validate(page):
    """Press the notebook toolbar's Validate button; return the results dialog."""
    page.locator(".jp-NotebookPanel:visible .jp-Toolbar .validate-button").click()
    dialog = page.locator(".jp-Dialog", has_text="Validation Results")
    dialog.wait_for(timeout=SLOW)
    return dialog


def close_dialog(page, dialog) -> None:
    dialog.get_by_role("button", name="Ok").click()
    dialog.wait_for(state="detached")


def _squash(text: str) -> str:
    """Text with its white space (line breaks of wrapped messages included) made single spaces."""
    return " ".join(text.split())


def _error_text(outputs: list) -> list:
    return [f"{o.get('ename')}: {o.get('evalue')}" for o in outputs if o.get("output_type") == "error"]


def test_start_page_lists_the_series_in_portuguese(page, lab):
    with step(page, "01_start_page"):
        open_lab(page, lab)
        rendered = page.locator(".jp-RenderedMarkdown", has_text="A série")
        rendered.wait_for()
        text = rendered.inner_text()
        from autograd_lab.course import TOPICS

        positions = [text.find(t.title[LANG]) for t in TOPICS]
        assert -1 not in positions and positions == sorted(positions), positions
        assert "Como fazer e conferir uma tarefa" in text and "Validate" in text
        assert all(f"{t.minutes} min" in text for t in TOPICS)
        shot(page, "01_start_page")


def test_lecture_runs_in_jupyterlab_without_errors_and_draws_its_figure(page, lab):
    with step(page, "02_lecture"):
        open_lab(page, lab)
        # From the start page, as a student does: the link of topic 1's lecture.
        page.locator(".jp-RenderedMarkdown a", has_text=TOPIC.title[LANG]).click()
        wait_for_notebook(page, LECTURE)
        stored = grading.read_nb(lab["course"] / LECTURE)
        expected_errors = {
            c["id"]: [o["ename"] for o in c.get("outputs", []) if o["output_type"] == "error"]
            for c in stored["cells"]
            if "raises-exception" in c.get("metadata", {}).get("tags", [])
        }
        # Clear every stored output first, so that everything checked below
        # comes from this run; then Run → Run All Cells.
        menu(page, "Edit", "Clear Outputs of All Cells")
        cleared = code_cells(page)
        assert cleared and all(c["outputs"] == [] and c["count"] is None for c in cleared)
        menu(page, "Run", "Run All Cells")
        page.wait_for_function(
            f"""() => {{
                const w = {CURRENT};
                const code = w.content.widgets.filter(c => c.model.type === 'code');
                return code.every(c => c.model.executionCount !== null)
                    && w.sessionContext.session.kernel.status === 'idle';
            }}""",
            timeout=SLOW,
            polling=500,
        )
        cells = code_cells(page)
        # Each code cell ran once, in order, in a new kernel.
        assert [c["count"] for c in cells] == list(range(1, len(cells) + 1))
        for cell in cells:
            errors = _error_text(cell["outputs"])
            stderr = ["".join(o["text"]) for o in cell["outputs"] if o.get("name") == "stderr"]
            if "raises-exception" in cell["tags"]:
                # The errors the lesson teaches, raised for real, as stored.
                assert [e.split(":")[0] for e in errors] == expected_errors[cell["id"]], (cell["id"], errors)
            else:
                assert not errors, f"cell {cell['id']} failed: {errors}"
                assert not stderr, f"cell {cell['id']} wrote on stderr: {stderr}"
        assert expected_errors, "the lecture has no cell that fails on purpose (tag raises-exception)?"

        figures = [c for c in cells if any("image/png" in o.get("data", {}) for o in c["outputs"])]
        assert figures, "no figure in the lecture's outputs"
        mark_cells(page)
        for cell in figures:
            (output,) = [o for o in cell["outputs"] if "image/png" in o.get("data", {})]
            alt = "".join(output["data"]["text/plain"])
            assert alt.strip() and "text/html" in output["data"]
            image = page.locator(f".jp-Cell[data-test-index='{cell['index']}'] .jp-OutputArea-output img")
            image.scroll_into_view_if_needed()
            image.wait_for(state="visible")
            # Drawn: the PNG decoded to a real picture, and its alt text is the notebook's.
            width, height = image.evaluate("img => [img.complete ? img.naturalWidth : 0, img.naturalHeight]")
            assert width > 100 and height > 100, (width, height)
            assert image.get_attribute("alt") == alt
        shot(page, "02_lecture_ran")
        assert not page.errors, page.errors


def _answers():
    source = grading.read_nb(ROOT / "source" / ASSIGNMENT / NOTEBOOK)
    return {grading.grade_id(c): grading.reference_answer(c) for c in source["cells"] if grading.is_solution(c)}


def _visible_wrong_answer(release_nb: dict):
    """The first catalogued wrong answer whose Portuguese hint a visible test can show.

    (Some mistakes are caught only by the hidden tests, which Validate does not run.)
    """
    from autograd_lab.messages import message_lines

    visible = {
        grading.exercise_of(grading.grade_id(c)): _squash(" ".join(message_lines(grading.cell_source(c))))
        for c in release_nb["cells"]
        if grading.is_graded(c)
    }
    for wrong in catalogue(TOPIC.number):
        if _squash(wrong.hint[LANG]) in visible.get(wrong.exercise, ""):
            return wrong
    pytest.fail("no catalogued wrong answer of topic 1 has a hint shown by a visible test")


def test_released_assignment_is_fetched_validated_submitted_and_graded(page, lab):
    with step(page, "03_assignment"):
        open_lab(page, lab, "")
        # nbgrader's assignment list, on the course's own exchange.
        menu(page, "Nbgrader", "Assignment List")
        released = page.locator("#released_assignments_list .list_item", has_text=ASSIGNMENT)
        released.get_by_role("button", name="Fetch").click()
        fetched = page.locator("#fetched_assignments_list > .list_item", has_text=ASSIGNMENT)
        fetched.wait_for()
        fetched.get_by_role("button", name=ASSIGNMENT).click()
        notebook_link = fetched.get_by_role("link", name=Path(NOTEBOOK).stem, exact=True)
        notebook_link.wait_for(state="visible")
        shot(page, "03_assignment_list")
        path = f"{ASSIGNMENT}/{NOTEBOOK}"
        assert (lab["course"] / path).is_file(), "Fetch did not copy the assignment into the course folder"
        notebook_link.click()
        wait_for_notebook(page, path)
        mark_cells(page)

    with step(page, "04_validate_success"):
        answers = _answers()
        assert answers, "no solution cell in the source notebook"
        for grade_id, code in answers.items():
            type_into_cell(page, grade_id, code)
        dialog = validate(page)
        assert dialog.locator(".validation-success").count() == 1, dialog.inner_text()
        assert "Success! Your notebook passes all the tests." in dialog.inner_text()
        shot(page, "04_validate_success")
        close_dialog(page, dialog)
        # Validate saved the notebook first: the answers are on disk.
        saved = {grading.grade_id(c): grading.cell_source(c) for c in grading.read_nb(lab["course"] / path)["cells"]}
        assert all(saved[gid] == code for gid, code in answers.items())

    with step(page, "05_validate_failure"):
        wrong = _visible_wrong_answer(grading.read_nb(lab["course"] / path))
        type_into_cell(page, wrong.cell, wrong.code)
        dialog = validate(page)
        assert dialog.locator(".validation-failed").count() == 1, dialog.inner_text()
        # The dialog shows each failing cell's source, then its error; the
        # hint must be in the error's message, not only in the test's code.
        blocks = dialog.locator(".jp-RenderedText pre")
        texts = [blocks.nth(i).inner_text() for i in range(blocks.count())]
        errors = texts[1::2]
        assert len(errors) == 1, f"only the tests of {wrong.exercise} should fail: {texts}"
        message = re.split(r"\b\w*Error: ", errors[0])[-1]
        assert _squash(wrong.hint[LANG]) in _squash(message), f"{wrong.hint[LANG]!r} not in {message!r}"
        # Wrapped into short lines, the whole message is in view, with no sideways scrolling.
        error_block = blocks.nth(len(texts) - 1)
        width, visible = error_block.evaluate("pre => [pre.scrollWidth, pre.clientWidth]")
        assert width <= visible, (width, visible)
        blocks.nth(1).evaluate("pre => pre.scrollIntoView({block: 'end'})")
        shot(page, "05_validate_failure")
        close_dialog(page, dialog)

    with step(page, "05_test_cell_failure"):
        # What a student does more often than Validate: run the notebook and
        # read the test cell under the answer.  Run All stops there.
        menu(page, "Run", "Run All Cells")
        page.wait_for_function(
            f"""() => {{
                const w = {CURRENT};
                return w.content.widgets.some(c => c.model.type === 'code'
                        && c.model.outputs.toJSON().some(o => o.output_type === 'error'))
                    && w.sessionContext.session.kernel.status === 'idle';
            }}""",
            timeout=SLOW,
            polling=500,
        )
        tests_cell = wrong.exercise + "_tests"
        failed = [c["grade_id"] for c in code_cells(page) if _error_text(c["outputs"])]
        # Some wrong answers fail already in their own cell (PyTorch's error):
        # the student then runs the test cell under it, which says what to fix.
        assert failed in ([tests_cell], [wrong.cell]), failed
        if failed == [wrong.cell]:
            page.locator(f".jp-Cell[data-test-grade-id='{tests_cell}'] .jp-InputArea-prompt").click()
            page.keyboard.press("Shift+Enter")
            page.wait_for_function(
                f"""gid => {CURRENT}.content.widgets.some(c => (c.model.getMetadata('nbgrader') || {{}}).grade_id === gid
                    && c.model.outputs.toJSON().some(o => o.output_type === 'error'))""",
                arg=tests_cell,
                timeout=SLOW,
            )
        (cell,) = [c for c in code_cells(page) if c["grade_id"] == tests_cell]
        (evalue,) = [o["evalue"] for o in cell["outputs"] if o.get("output_type") == "error"]
        assert _squash(wrong.hint[LANG]) in _squash(evalue), evalue
        output = page.locator(f".jp-Cell[data-test-index='{cell['index']}'] .jp-OutputArea-output pre").last
        output.evaluate("pre => pre.scrollIntoView({block: 'end'})")
        # The whole hint is on screen, wrapped: no sideways scrolling to read it.
        assert wrong.hint[LANG].split()[-1] in output.inner_text()
        width, visible = output.evaluate("pre => [pre.scrollWidth, pre.clientWidth]")
        assert width <= visible, (width, visible)
        shot(page, "05_test_cell_failure")

    with step(page, "06_submit"):
        page.locator(".lm-TabBar-tab", has_text="Assignments").click()
        fetched = page.locator("#fetched_assignments_list > .list_item", has_text=ASSIGNMENT)
        fetched.get_by_role("button", name="Submit").click()
        page.locator("#submitted_assignments_list .list_item", has_text=ASSIGNMENT).first.wait_for()
        shot(page, "06_submitted")
        inbound = lab["course"] / "exchange" / "autograd-lab" / "inbound"
        (submission,) = [p for p in inbound.iterdir() if f"+{ASSIGNMENT}+" in p.name]
        handed_in = grading.read_nb(submission / NOTEBOOK)
        assert {grading.grade_id(c): grading.cell_source(c) for c in handed_in["cells"]}[wrong.cell] == wrong.code
        assert not page.errors, page.errors

    with step(page, "07_formgrader"):
        # The instructor's side, on the same server: collect and autograde
        # with nbgrader's commands, then review in the formgrader.
        grading.nbgrader(lab["course"], "collect", ASSIGNMENT)
        grading.autograde(lab["course"], ASSIGNMENT)
        ((student, graded),) = grading.scores(lab["course"], ASSIGNMENT).items()
        per_exercise = graded.exercise_scores()
        # The wrong answer lost its exercise's points, and only those.
        assert per_exercise[wrong.exercise][0] == 0
        assert graded.score == graded.max_score - per_exercise[wrong.exercise][1] > 0
        from playwright.sync_api import expect

        menu(page, "Nbgrader", "Formgrader")
        formgrader = page.frame_locator("iframe[src*='formgrader']")
        formgrader.locator("a", has_text="Manage Students").click()
        row = formgrader.locator("tr", has_text=student)
        row.wait_for()
        assert f"{graded.score:g} / {graded.max_score:g}" in row.inner_text(), row.inner_text()
        shot(page, "07_formgrader_students")
        # Manual Grading, down to the submission: the student's own answer,
        # with the autograder's score of each cell, ready to be reviewed.
        formgrader.locator("a", has_text="Manual Grading").click()
        formgrader.locator("a", has_text=ASSIGNMENT).click()
        formgrader.locator("a", has_text=Path(NOTEBOOK).stem).click()
        formgrader.locator("a", has_text="Submission #1").click()
        answer = formgrader.locator(".cell", has_text=wrong.code.splitlines()[0])
        answer.first.wait_for()
        # Each graded cell has a box for a manual score, which shows the
        # autograder's score until the instructor types another: 0 for the
        # wrong exercise's tests, full points for the others, as in the gradebook.
        expected = wrong.expected_scores({grade: out_of for grade, (_, out_of) in graded.grades.items()})
        for grade, (auto, out_of) in graded.grades.items():
            assert auto == expected[grade], (grade, auto, out_of)
            expect(formgrader.locator(f"input.score#{grade}")).to_have_attribute("placeholder", f"{auto:g}")
        shot(page, "08_formgrader_submission")


def test_interface_switches_to_brazilian_portuguese(page, lab):
    readme = " ".join((ROOT / "README.pt-BR.md").read_text(encoding="utf-8").split())
    assert f"Settings → Language → {LANGUAGE_ITEM}" in readme and KERNEL_ITEM_PT in readme
    with step(page, "07_language"):
        open_lab(page, lab, LECTURE)
        menu(page, "Settings", "Language", LANGUAGE_ITEM)
        dialog = page.locator(".jp-Dialog", has_text="Change interface language?")
        with page.expect_navigation(timeout=SLOW):
            dialog.get_by_role("button", name="Change and reload").click()
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.started", timeout=SLOW)
        assert page.evaluate("document.documentElement.lang") == "pt-BR"
        # The choice is kept: the lecture opened again comes up in Portuguese,
        # and the menu command the README names is there, ready to use.
        open_lab(page, lab, LECTURE)
        assert page.evaluate("document.documentElement.lang") == "pt-BR"
        wait_for_notebook(page, LECTURE)
        menu(page, "Kernel")
        item = page.locator(".lm-Menu-item:visible", has=page.locator(
            ".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(KERNEL_ITEM_PT)}$")))
        item.wait_for()
        assert "lm-mod-disabled" not in (item.get_attribute("class") or "")
        shot(page, "07_interface_pt_BR")
        page.keyboard.press("Escape")
        # Kept where JupyterLab keeps user settings: the temporary folder, not the user's.
        settings = lab["home"] / "lab-settings" / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings"
        assert '"pt_BR"' in settings.read_text(encoding="utf-8")
        assert not page.errors, page.errors
