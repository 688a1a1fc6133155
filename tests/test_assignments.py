"""Every assignment, graded by the real nbgrader in a temporary course.

For each assignment (topic x language) one class, so that pytest-xdist's
``--dist loadscope`` spreads the assignments over the workers.  The class
builds a course with the course's own ``nbgrader_config.py``, runs
``nbgrader generate_assignment``, submits a class of students, runs
``nbgrader autograde`` once, and the tests read the gradebook:

* ``reference``: the release with every answer cell filled with the
  instructor's solution -> full marks;
* ``untouched``: the release as handed out -> zero;
* ``wrong-NAME``: the reference with one cell replaced by a catalogued wrong
  answer -> loses all the points of that exercise and nothing else, and the
  failure message names the mistake in the notebook's language.
"""

from __future__ import annotations

import pytest

from autograd_lab import grading
from autograd_lab.wrong_answers import catalogue

MIN_WRONG_PER_EXERCISE = 3


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

    def test_untouched_release_gets_zero(self, graded):
        score = graded["scores"]["untouched"]
        assert score.score == 0, f"the unanswered release earns {score.grades}"

    def test_catalogue_covers_every_exercise(self, graded):
        exercises = {grading.exercise_of(gid) for gid in graded["scores"]["reference"].grades}
        assert len(exercises) >= (3 if self.topic.number == 1 else 2)
        counts = {ex: 0 for ex in exercises}
        answer_cells = {
            grading.grade_id(c) for c in graded["source"]["cells"] if grading.is_solution(c)
        }
        for wrong in catalogue(self.topic.number):
            assert wrong.cell in answer_cells, f"{wrong.name}: no solution cell {wrong.cell}"
            counts[wrong.exercise] = counts.get(wrong.exercise, 0) + 1
        thin = {ex: n for ex, n in counts.items() if n < MIN_WRONG_PER_EXERCISE}
        assert not thin, f"exercises with fewer than {MIN_WRONG_PER_EXERCISE} catalogued wrong answers: {thin}"
        names = [w.name for w in catalogue(self.topic.number)]
        assert len(names) == len(set(names)), "wrong-answer names must be unique"

    def test_each_wrong_answer_loses_its_exercise_and_only_it(self, graded):
        reference = graded["scores"]["reference"].exercise_scores()
        problems = []
        for wrong in catalogue(self.topic.number):
            got = graded["scores"][f"wrong-{wrong.name}"].exercise_scores()
            for exercise, (score, out_of) in got.items():
                expected = 0.0 if exercise == wrong.exercise else reference[exercise][0]
                if score != expected:
                    problems.append(
                        f"{wrong.name}: {exercise} scored {score}/{out_of}, expected {expected}"
                    )
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

