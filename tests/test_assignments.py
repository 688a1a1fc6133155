"""Every assignment, graded by the real nbgrader in a temporary course.

For each assignment (topic x language) one class, so that pytest-xdist's
``--dist loadscope`` spreads the assignments over the workers.  The class
builds a course with the course's own ``nbgrader_config.py``, runs
``nbgrader generate_assignment``, submits a class of students, runs
``nbgrader autograde`` once, and the tests read the gradebook:

* ``reference``: the release with every answer cell filled with the
  instructor's solution -> full marks;
* ``untouched``: the release as handed out -> zero;
* ``right-NAME``: another correct answer (``RIGHT_ANSWERS`` of the topic's
  catalogue) -> full marks;
* ``wrong-NAME``: the reference with one cell replaced by a catalogued wrong
  answer (a misconception or a shortcut) -> loses exactly the points it
  should (its exercise's, or the graded cells it names) and nothing else,
  and the failure message names the mistake in the notebook's language.
"""

from __future__ import annotations

import pytest

from autograd_lab import grading
from autograd_lab.wrong_answers import KINDS, SHORTCUT_KINDS, catalogue, predictions, right_answers

MIN_MISCONCEPTIONS = 2
MIN_SHORTCUTS = 3


def _error_text(cell: dict) -> str:
    return "\n".join(
        f"{out.get('ename')}: {out.get('evalue')}"
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    )


class AssignmentChecks:
    """Tests of one assignment; subclasses set ``topic``, ``lang`` and ``name``."""

    topic = lang = name = None

    @pytest.fixture(scope="class")
    @classmethod
    def graded(cls, tmp_path_factory):
        course = grading.make_course(tmp_path_factory.mktemp(f"course-{cls.name}"), [cls.name])
        grading.generate(course, cls.name)
        nb_file = grading.notebook_name(cls.name)
        release_nb = grading.read_nb(course / "release" / cls.name / nb_file)
        source_nb = grading.read_nb(course / "source" / cls.name / nb_file)
        students = {
            "reference": grading.answered(release_nb, source_nb),
            "untouched": release_nb,
        }
        for wrong in catalogue(cls.topic.number):
            students[f"wrong-{wrong.name}"] = grading.answered(release_nb, source_nb, {wrong.cell: wrong.code})
        for name, (cell, code) in right_answers(cls.topic.number).items():
            students[f"right-{name}"] = grading.answered(release_nb, source_nb, {cell: code})
        for student, nb in students.items():
            grading.submit(course, student, cls.name, nb)
        grading.autograde(course, cls.name)
        autograded = {
            student: grading.read_nb(course / "autograded" / student / cls.name / nb_file)
            for student in students
        }
        return {
            "scores": grading.scores(course, cls.name),
            "autograded": autograded,
            "source": source_nb,
        }

    def test_reference_solution_gets_full_marks(self, graded):
        score = graded["scores"]["reference"]
        failing = {gid: s for gid, s in score.grades.items() if s[0] != s[1]}
        assert not failing, f"reference solution loses points in {failing}"
        assert score.max_score > 0
        assert score.score == score.max_score
        assert not score.needs_manual_grade

    def test_other_right_answers_get_full_marks(self, graded):
        """Correct answers written another way than the reference (RIGHT_ANSWERS) lose nothing."""
        problems = []
        for name in right_answers(self.topic.number):
            score = graded["scores"][f"right-{name}"]
            failing = {gid: s for gid, s in score.grades.items() if s[0] != s[1]}
            if failing or score.score != score.max_score:
                problems.append(f"{name}: {failing}")
        assert not problems, "\n".join(problems)

    def test_untouched_release_gets_zero(self, graded):
        score = graded["scores"]["untouched"]
        assert score.score == 0, f"the unanswered release earns {score.grades}"

    def test_catalogue_covers_every_exercise(self, graded):
        exercises = {grading.exercise_of(gid) for gid in graded["scores"]["reference"].grades}
        assert len(exercises) >= 3
        answer_cells = {
            grading.grade_id(c) for c in graded["source"]["cells"] if grading.is_solution(c)
        }
        graded_cells = set(graded["scores"]["reference"].grades)
        problems = []
        for wrong in catalogue(self.topic.number):
            if wrong.cell not in answer_cells:
                problems.append(f"{wrong.name}: no solution cell {wrong.cell}")
            if wrong.kind not in KINDS:
                problems.append(f"{wrong.name}: kind {wrong.kind!r} is not one of {KINDS}")
            for gid in wrong.loses:
                if gid not in graded_cells or grading.exercise_of(gid) != wrong.exercise:
                    problems.append(f"{wrong.name}: loses {gid}, which is not a graded cell of {wrong.exercise}")
        prediction = set(predictions(self.topic.number))
        for exercise in sorted(exercises):
            entries = [w for w in catalogue(self.topic.number) if w.exercise == exercise]
            kinds = [w.kind for w in entries]
            shortcuts = [k for k in kinds if k in SHORTCUT_KINDS]
            if kinds.count("misconception") < MIN_MISCONCEPTIONS:
                problems.append(f"{exercise}: {kinds.count('misconception')} misconceptions, fewer than {MIN_MISCONCEPTIONS}")
            if len(shortcuts) < MIN_SHORTCUTS:
                problems.append(f"{exercise}: {len(shortcuts)} shortcuts, fewer than {MIN_SHORTCUTS}")
            if "literal" not in kinds:
                problems.append(f"{exercise}: no 'literal' shortcut (the numbers copied from running the code)")
            if exercise not in prediction and "formula" not in kinds:
                problems.append(f"{exercise}: no 'formula' shortcut (a derivative worked out by hand)")
        names = [w.name for w in catalogue(self.topic.number)]
        if len(names) != len(set(names)):
            problems.append("wrong-answer names must be unique")
        assert not problems, "\n".join(problems)

    def test_each_wrong_answer_loses_exactly_its_points(self, graded):
        """A wrong answer scores 0 on the graded cells it ``loses`` (all of its exercise's by
        default) and keeps full marks everywhere else: shortcuts included."""
        reference = {gid: score for gid, (score, _) in graded["scores"]["reference"].grades.items()}
        problems = []
        for wrong in catalogue(self.topic.number):
            expected_scores = wrong.expected_scores(reference)
            got = graded["scores"][f"wrong-{wrong.name}"].grades
            for gid, (score, out_of) in sorted(got.items()):
                expected = expected_scores[gid]
                if (score or 0.0) != expected:
                    problems.append(f"{wrong.name} ({wrong.kind}): {gid} scored {score}/{out_of}, expected {expected}")
        assert not problems, "\n".join(problems)

    def test_feedback_names_each_mistake_in_the_students_language(self, graded):
        problems = []
        for wrong in catalogue(self.topic.number):
            hint = wrong.hint.get(self.lang)
            if not hint:
                problems.append(f"{wrong.name}: no hint in {self.lang!r}")
                continue
            nb = graded["autograded"][f"wrong-{wrong.name}"]
            shown = "\n".join(
                _error_text(c)
                for c in nb["cells"]
                if grading.is_graded(c)
                and grading.exercise_of(grading.grade_id(c)) == wrong.exercise
            )
            # Messages are wrapped into short lines: a hint may span two.
            if " ".join(hint.lower().split()) not in " ".join(shown.lower().split()):
                problems.append(f"{wrong.name}: {hint!r} not in the failure message {shown!r}")
        assert not problems, "\n".join(problems)


def _define_test_classes() -> None:
    """One test class per assignment (a class is one xdist scope)."""
    for topic, lang, name in grading.assignments():
        cls = type(
            f"TestAssignment_{name}",
            (AssignmentChecks,),
            {"topic": topic, "lang": lang, "name": name, "__doc__": f"Assignment {name}"},
        )
        globals()[cls.__name__] = cls


_define_test_classes()


def test_every_topic_with_a_lecture_has_both_assignments():
    from autograd_lab.course import LANGUAGES, existing_topics

    missing = [
        str(t.source(lang)) for t in existing_topics() for lang in LANGUAGES if not t.source(lang).exists()
    ]
    assert not missing, f"missing source assignments: {missing}"

