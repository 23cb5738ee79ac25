"""The course's career data as tools over the Model Context Protocol (MCP), with the official ``mcp`` SDK.

Run it as a stdio server: ``python -m careerdata.mcp_server``. An MCP client (Claude Desktop, an IDE, an
agent framework, or ``mcp.Client`` as in notebook 20) starts the process and talks JSON-RPC over its stdin
and stdout; nothing listens on a network port and nothing is fetched. Tools:

- ``salary_bands(level)``: the guide's salary bands, one level or all;
- ``roadmap_topic(topic_id)``: a roadmap topic's title, stage, hours and prerequisites;
- ``learning_plan(ratings, hours_per_week)``: :func:`careerdata.plan` for a self-assessment.

Every tool returns plain JSON data; a bad argument raises ``ValueError`` with a message the client shows.
"""

from __future__ import annotations

import math
from typing import Any

import careerdata

SERVER_NAME = "careerdata"


def salary_bands(level: str | None = None) -> dict[str, Any]:
    """Salary bands of AI engineers by level (entry, mid, senior ...), in US dollars a year.

    An open upper bound (``open_upper``) means the guide gives no ceiling for that band.
    """
    bands = careerdata.load_salary_bands()
    if level is not None:
        if level not in set(bands["level"]):
            raise ValueError(f"unknown level {level!r}; levels: {', '.join(bands['level'])}")
        bands = bands[bands["level"] == level]
    rows = []
    for row in bands.to_dict(orient="records"):
        rows.append({k: (None if isinstance(v, float) and math.isnan(v) else v.item() if hasattr(v, "item") else v)
                     for k, v in row.items()})
    return {"bands": rows}


def roadmap_topic(topic_id: str) -> dict[str, Any]:
    """One roadmap topic: number, title, stage, hours, prerequisites (topic ids) and notebook."""
    row = careerdata.topic(topic_id)
    return {"topic_id": topic_id, "number": int(row["number"]), "title": row["title"], "stage": row["stage"],
            "hours": float(row["hours"]), "prerequisites": list(row["prerequisites"]), "notebook": row["notebook"]}


def learning_plan(ratings: dict[str, float], hours_per_week: float) -> dict[str, Any]:
    """Topics still to learn for a self-assessment (skill id -> 0..5), in prerequisite order, with weeks."""
    frame = careerdata.plan(ratings, hours_per_week)
    topics = [{"topic_id": r["topic_id"], "title": r["title"], "hours": float(r["hours"]),
               "start_week": int(r["start_week"]), "end_week": int(r["end_week"])}
              for r in frame.to_dict(orient="records")]
    return {"topics": topics, "total_hours": float(sum(t["hours"] for t in topics)),
            "weeks": max((t["end_week"] for t in topics), default=0)}


TOOLS = (salary_bands, roadmap_topic, learning_plan)


def build_server():
    """An ``MCPServer`` with the three tools registered (imports the SDK only when called)."""
    from mcp.server.mcpserver import MCPServer

    server = MCPServer(SERVER_NAME, instructions="Career data of the AI-engineer course: salary bands, the "
                       "roadmap and a learning planner.")
    for tool in TOOLS:
        server.tool(name=tool.__name__, description=tool.__doc__)(_reporting_errors(tool))
    return server


def _reporting_errors(tool):
    """Turn a ValueError (a bad argument) into the SDK's ToolError, so the client sees its message."""
    import functools

    from mcp.server.mcpserver.exceptions import ToolError

    @functools.wraps(tool)
    def wrapper(*args, **kwargs):
        try:
            return tool(*args, **kwargs)
        except ValueError as error:
            raise ToolError(str(error)) from None
    return wrapper


def main() -> None:
    build_server().run("stdio")


if __name__ == "__main__":
    main()
