"""Command line: ``python -m rag_service ingest | serve | ask QUESTION | eval``. Settings come from RAG_* variables."""

from __future__ import annotations

import argparse
import json
import sys

from rag_service.config import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rag_service", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("ingest", help="bring the index in line with the document folder")
    sub.add_parser("serve", help="run the HTTP service (RAG_HOST, RAG_PORT)")
    ask = sub.add_parser("ask", help="answer one question from the command line")
    ask.add_argument("question")
    ev = sub.add_parser("eval", help="evaluate on the golden set; exit 1 below the thresholds")
    ev.add_argument("--golden", default=None)
    ev.add_argument("--thresholds", default=None)
    ev.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = parser.parse_args(argv)
    settings = Settings.from_env()

    if args.command == "ingest":
        from rag_service.ingest import ingest

        report = ingest(settings)
        print(f"added {len(report.added)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
              f"removed {len(report.removed)}; embedded {report.embedded_chunks} chunks")
        return 0
    if args.command == "serve":
        import uvicorn

        from rag_service.app import create_app

        uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
        return 0

    from rag_service.answer import answer, make_generator
    from rag_service.embed import make_embedder
    from rag_service.retrieve import Index

    index = Index(settings.index_dir, make_embedder(settings.embedder))
    generator = make_generator(settings)
    if args.command == "ask":
        print(json.dumps(answer(args.question, index, generator, settings).to_dict(), indent=1))
        return 0
    from pathlib import Path

    from rag_service.evaluate import GOLDEN, THRESHOLDS, evaluate, gate, load_golden

    report = evaluate(index, generator, settings, load_golden(Path(args.golden) if args.golden else GOLDEN))
    thresholds = json.loads(Path(args.thresholds or THRESHOLDS).read_text(encoding="utf-8"))
    failures = gate(report["metrics"], thresholds)
    print(json.dumps(report if args.json else report["metrics"], indent=1))
    for failure in failures:
        print("REGRESSION:", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
