"""The three topics added by issue 13 (llm-evaluation, agents-tool-use, capstone-rag-service) are complete:
roadmap rows, notebooks, mutants, exercises, book pages, and the MCP server the agents notebook serves."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
import yaml
from course_paths import ROOT

import careerdata
from careerdata import mcp_server

NEW_TOPICS = ["llm-evaluation", "agents-tool-use", "capstone-rag-service"]


@pytest.mark.parametrize("topic_id", NEW_TOPICS)
def test_new_topic_has_everything_an_existing_topic_has(topic_id: str) -> None:
    row = careerdata.topic(topic_id)
    notebook = ROOT / row["notebook"]
    assert notebook.is_file(), f"{row['notebook']} is missing"
    mutants = yaml.safe_load(notebook.with_suffix(".mutants.yaml").read_text(encoding="utf-8"))
    assert len(mutants) >= 3, f"{notebook.name} needs at least 3 mutants"
    exercises = sorted(p.parent.name for p in (ROOT / "exercises" / topic_id).glob("*/meta.yaml"))
    assert len(exercises) >= 2, f"{topic_id} needs at least two exercises, has {exercises}"
    for slug in exercises:
        folder = ROOT / "exercises" / topic_id / slug
        for name in ("exercise.py", "checks.py", "hidden_checks.py"):
            assert (folder / name).is_file(), f"{folder.relative_to(ROOT)}/{name} is missing"
        assert list((folder / "mutants").glob("*.py")), f"{folder.relative_to(ROOT)} has no mutants"
        assert (ROOT / "exercises" / "student" / f"{topic_id}.{slug}.ipynb").is_file()
    assert (ROOT / "book" / "exercises" / f"{topic_id}.md").is_file()
    assert set(row["prerequisites"]) <= set(careerdata.roadmap().index)


def test_new_topics_come_after_their_prerequisites_and_the_capstone_is_last() -> None:
    order = list(careerdata.roadmap().index)
    assert order[-1] == "capstone-rag-service"
    assert order.index("llm-evaluation") > order.index("rag-pipeline")
    assert order.index("agents-tool-use") > order.index("llm-orchestration")
    for prereq in ("llm-evaluation", "serving-latency", "monitoring-drift"):
        assert order.index(prereq) < order.index("capstone-rag-service")


def test_mcp_tools_answer_from_careerdata() -> None:
    assert mcp_server.roadmap_topic("rag-pipeline")["hours"] == careerdata.topic("rag-pipeline")["hours"]
    mid = mcp_server.salary_bands("mid")["bands"]
    assert len(mid) == 1 and mid[0]["level"] == "mid"
    assert len(mcp_server.salary_bands()["bands"]) == len(careerdata.load_salary_bands())
    plan = mcp_server.learning_plan({"python": 5}, 10)
    assert plan["weeks"] == careerdata.plan({"python": 5}, 10)["end_week"].max()
    with pytest.raises(ValueError, match="unknown level"):
        mcp_server.salary_bands("guru")


@pytest.mark.slow   # starts the MCP server as a subprocess
def test_mcp_server_answers_over_stdio(tmp_path: Path) -> None:
    from mcp import Client, StdioServerParameters
    from mcp.client.stdio import stdio_client

    guard = {k: os.environ[k] for k in ("PYTHONPATH", "COURSE_NETWORK_LOG") if k in os.environ}
    params = StdioServerParameters(command=sys.executable, args=["-m", "careerdata.mcp_server"], cwd=str(ROOT),
                                   env=guard)

    async def session():
        with open(tmp_path / "server.log", "w") as errlog:
            async with Client(stdio_client(params, errlog=errlog)) as client:
                tools = await client.list_tools()
                ok = await client.call_tool("roadmap_topic", {"topic_id": "fine-tuning"})
                bad = await client.call_tool("salary_bands", {"level": "guru"})
                return tools, ok, bad

    tools, ok, bad = asyncio.run(asyncio.wait_for(session(), timeout=120))
    assert {t.name for t in tools.tools} == {"salary_bands", "roadmap_topic", "learning_plan"}
    assert ok.structured_content == mcp_server.roadmap_topic("fine-tuning")
    assert bad.is_error and "unknown level" in bad.content[0].text
