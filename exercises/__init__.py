"""Exercises for the AI engineer course: the sources, the tools that release and grade them, and ``check``.

Students call ``check("<exercise id>")`` at the end of an exercise notebook; it runs the exercise's public
checks on their answers. Instructors use the command line (``python -m exercises --help``):
``list``, ``validate``, ``generate``, ``release`` and ``grade``.
"""

from exercises.selfcheck import check

__all__ = ["check"]
