"""nbgrader extensions of the course (configured in ``nbgrader_config.py``)."""

from __future__ import annotations

from nbgrader.preprocessors import ClearSolutions
from traitlets import Dict, Unicode


class ClearSolutionsInStudentLanguage(ClearSolutions):
    """nbgrader's ClearSolutions, with the stub in the notebook's human language.

    Stock ClearSolutions picks ``code_stub`` by the kernel's programming
    language, which is Python for every notebook of the course.  This one
    reads the human language from the notebook's metadata
    (``metadata.autograd_lab.lang``) and uses the matching stub.
    """

    code_stubs = Dict(
        {}, help="Stub replacing each solution region, by the notebook's language (see nbgrader_config.py)."
    ).tag(config=True)

    default_language = Unicode("en", help="Language of notebooks that do not say.").tag(config=True)

    def preprocess(self, nb, resources):
        lang = nb.metadata.get("autograd_lab", {}).get("lang", self.default_language)
        if lang not in self.code_stubs:
            raise ValueError(f"ClearSolutionsInStudentLanguage.code_stubs has no stub for language {lang!r}")
        self.code_stub = {"python": self.code_stubs[lang]}
        return super().preprocess(nb, resources)
