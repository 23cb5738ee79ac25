"""coursegrader: the AI engineer course's exercise tool (list, validate, generate, release, grade) and ``check``.

Students call ``check("<exercise id>")`` at the end of an exercise notebook; it runs the exercise's public
checks on their answers, in their own kernel. Instructors use the command line (``coursegrader --help`` or
``python -m coursegrader --help``). The exercise sources live in the course's ``exercises/`` folder, not here.
"""


def check(exercise_id: str, namespace: dict | None = None) -> None:
    """Run the public checks of ``exercise_id`` on the notebook's objects; see :mod:`coursegrader.selfcheck`."""
    from coursegrader.selfcheck import check as run

    if namespace is None:
        from coursegrader.selfcheck import caller_namespace

        namespace = caller_namespace(2)
    run(exercise_id, namespace)


__all__ = ["check"]
