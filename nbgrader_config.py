"""nbgrader configuration of the Autograd Lab course.

Run nbgrader from this folder (the course root): source/ holds the
instructor's assignments, release/ the student versions generated from them.
"""

import os

from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import ClearSolutions

from autograd_lab.nbgrader_ext import ClearSolutionsInStudentLanguage

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

c.CourseDirectory.course_id = "autograd-lab"

# The exchange (where `nbgrader release_assignment` puts the student version,
# and where students fetch it and submit to) is the folder exchange/ next to
# this file, created by the first release: no root-owned /usr/local/share path
# needed.  traitlets defines __file__ while it loads this file; the server's
# assignment list loads it from JupyterLab's root folder.
c.Exchange.root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "exchange")

# Student stubs in the student's language: the English or Portuguese stub is
# chosen from each notebook's metadata (autograd_lab.lang).
c.ClearSolutionsInStudentLanguage.code_stubs = {
    "en": "# YOUR CODE HERE\nraise NotImplementedError()",
    "pt": "# SEU CÓDIGO AQUI\nraise NotImplementedError()",
}
c.GenerateAssignment.preprocessors = [
    ClearSolutionsInStudentLanguage if pp is ClearSolutions else pp
    for pp in GenerateAssignment.class_traits()["preprocessors"].default()
]

# A cell may run for 60 s at most (the slowest reference cell takes under 2 s;
# the first import of torch about 2 s).
c.Execute.timeout = 60

# PyTorch prints UserWarnings on stderr, and nbgrader gives zero to a test cell
# with anything on stderr: drop stderr outputs that are Python warnings.
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = r"(?m)^.*:\d+: [A-Za-z]*Warning: "

# A student who deletes a test cell gets it back, run and scored (zero if the
# answer is wrong), instead of "needs manual grading".
c.OverwriteCells.add_missing_cells = True

# `nbgrader validate` cuts every line of a failure at Validator.width; the
# course's failure messages are whole sentences that name the mistake, so
# let them through (the longest is under 400 characters).
c.Validator.width = 400
