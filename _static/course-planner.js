// The learning planner on book/planner.html, in the reader's browser: no server, nothing sent anywhere.
//
// The page carries the roadmap and the skill areas as JSON (<script id="course-planner-data">), exported
// from careerdata when the book is built. This file orders the topics exactly as careerdata.plan() does
// (tests/test_planner_page.py compares the two on hundreds of random self-assessments):
//   1. a topic is still to learn when any skill it teaches is rated below the target (unrated counts as 0);
//   2. those topics are ordered so each follows its prerequisites, the lowest roadmap number first among
//      topics that are ready together (careerdata.roadmap.learning_order);
//   3. hours accumulate in that order; a topic starts in week floor(start / hours_per_week) + 1 (with
//      NumPy's floor division, reproduced below) and ends in week ceil(cumulative / hours_per_week).
// Ratings may be kept in localStorage when the reader asks; they never leave the browser.
(() => {
  "use strict";

  const STORAGE_KEY = "course-planner-v1";

  // NumPy's floor division of two doubles (npy_divmod), so weeks match pandas' `start // hours_per_week`
  // even where Math.floor(a / b) would round differently.
  function floorDivide(a, b) {
    let mod = a % b; // JavaScript's % on doubles is C's fmod
    let div = (a - mod) / b;
    if (mod) {
      if ((b < 0) !== (mod < 0)) {
        mod += b;
        div -= 1.0;
      }
    }
    let floordiv;
    if (div) {
      floordiv = Math.floor(div);
      if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
      floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0; // copysign(0, a / b)
    }
    return floordiv;
  }

  function learningOrder(needed, topicsById) {
    const waiting = new Map();
    for (const id of needed) {
      waiting.set(id, new Set(topicsById[id].prerequisites.filter((p) => needed.includes(p))));
    }
    const order = [];
    const done = new Set();
    while (order.length < needed.length) {
      let best = null;
      for (const [id, needs] of waiting) {
        if (done.has(id) || needs.size) continue;
        if (best === null || topicsById[id].number < topicsById[best].number) best = id;
      }
      if (best === null) throw new Error("The roadmap's prerequisites form a cycle.");
      done.add(best);
      order.push(best);
      for (const needs of waiting.values()) needs.delete(best);
    }
    return order;
  }

  // The plan for ratings {skill_id: number} and hours per week (both already validated).
  function plan(data, ratings, hoursPerWeek) {
    const target = data.target;
    const topicsById = Object.fromEntries(data.topics.map((t) => [t.id, t]));
    const needed = data.topics
      .filter((t) => t.skills.some((s) => (s in ratings ? ratings[s] : 0) < target))
      .map((t) => t.id);
    let cumulative = 0;
    return learningOrder(needed, topicsById).map((id) => {
      const topic = topicsById[id];
      cumulative += topic.hours;
      const start = cumulative - topic.hours;
      return {
        topic,
        hours: topic.hours,
        cumulativeHours: cumulative,
        startWeek: floorDivide(start, hoursPerWeek) + 1,
        endWeek: Math.ceil(cumulative / hoursPerWeek),
      };
    });
  }

  function formatNumber(x) {
    return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
  }

  function readForm(root, data) {
    const problems = [];
    const ratings = {};
    for (const skill of data.skills) {
      const input = root.querySelector(`#planner-skill-${skill.id}`);
      const text = input.value.trim();
      const value = Number(text);
      let problem = null;
      if (text === "") problem = `${skill.name}: the rating is empty. Enter a number from ${data.min_rating} to ${data.max_rating}.`;
      else if (!Number.isFinite(value)) problem = `${skill.name}: "${text}" is not a number. Enter a number from ${data.min_rating} to ${data.max_rating}.`;
      else if (value < data.min_rating || value > data.max_rating) problem = `${skill.name}: ${text} is out of range. Ratings go from ${data.min_rating} to ${data.max_rating}.`;
      input.setAttribute("aria-invalid", problem ? "true" : "false");
      if (problem) problems.push([input, problem]);
      else ratings[skill.id] = value;
    }
    const hoursInput = root.querySelector("#planner-hours");
    const hoursText = hoursInput.value.trim();
    const hours = Number(hoursText);
    let hoursProblem = null;
    if (hoursText === "") hoursProblem = "Hours per week: the field is empty. Enter the hours you can study each week, for example 6.";
    else if (!Number.isFinite(hours)) hoursProblem = `Hours per week: "${hoursText}" is not a number.`;
    else if (!(hours > 0)) hoursProblem = `Hours per week: ${hoursText} is not a positive number of hours.`;
    hoursInput.setAttribute("aria-invalid", hoursProblem ? "true" : "false");
    if (hoursProblem) problems.push([hoursInput, hoursProblem]);
    return { ratings, hours, problems };
  }

  function weeksText(row) {
    return row.startWeek === row.endWeek ? `week ${row.startWeek}` : `weeks ${row.startWeek}-${row.endWeek}`;
  }

  function render(root, data, result) {
    const message = root.querySelector(".planner-message");
    const output = root.querySelector(".planner-output");
    output.replaceChildren();
    message.classList.remove("planner-error");
    if (result.problems.length) {
      message.classList.add("planner-error");
      message.textContent = `Please fix ${result.problems.length === 1 ? "this" : "these"} before planning: `
        + result.problems.map(([, p]) => p).join(" ");
      result.problems[0][0].focus();
      return;
    }
    const rows = plan(data, result.ratings, result.hours);
    if (!rows.length) {
      message.textContent = `Every skill is rated ${data.target} or above: there is no topic left to plan.`;
      return;
    }
    const totalHours = rows[rows.length - 1].cumulativeHours;
    const weeks = Math.max(...rows.map((r) => r.endWeek));
    message.textContent = `${rows.length} of ${data.topics.length} topics to learn: about ${formatNumber(totalHours)} hours, `
      + `${weeks} week${weeks === 1 ? "" : "s"} at ${formatNumber(result.hours)} hours per week.`;
    const wrap = document.createElement("div");
    wrap.className = "course-planner-table-wrap";
    const table = document.createElement("table");
    table.className = "table planner-table";
    const caption = document.createElement("caption");
    caption.textContent = "Your plan: topics still to learn, in an order that respects their prerequisites";
    table.append(caption);
    const head = table.createTHead().insertRow();
    for (const label of ["Order", "Topic", "Stage", "Hours", "When"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = label;
      head.append(th);
    }
    const body = table.createTBody();
    rows.forEach((row, i) => {
      const tr = body.insertRow();
      tr.dataset.topic = row.topic.id;
      tr.dataset.hours = String(row.hours);
      tr.dataset.startWeek = String(row.startWeek);
      tr.dataset.endWeek = String(row.endWeek);
      tr.insertCell().textContent = String(i + 1);
      const name = `${String(row.topic.number).padStart(2, "0")} ${row.topic.title}`;
      const cell = tr.insertCell();
      if (row.topic.url) {
        const a = document.createElement("a");
        a.href = row.topic.url;
        a.textContent = name;
        cell.append(a);
      } else {
        cell.textContent = `${name} (coming)`;
      }
      tr.insertCell().textContent = row.topic.stage;
      tr.insertCell().textContent = formatNumber(row.hours);
      tr.insertCell().textContent = weeksText(row);
    });
    wrap.append(table);
    output.append(wrap);
  }

  function storage() {
    try {
      return window.localStorage;
    } catch {
      return null; // storage disabled: the planner still works, it just cannot remember
    }
  }

  function save(root, data) {
    const store = storage();
    if (!store) return;
    const values = { hours: root.querySelector("#planner-hours").value, ratings: {} };
    for (const skill of data.skills) values.ratings[skill.id] = root.querySelector(`#planner-skill-${skill.id}`).value;
    store.setItem(STORAGE_KEY, JSON.stringify(values));
  }

  function restore(root, data) {
    const store = storage();
    const saved = store && store.getItem(STORAGE_KEY);
    if (!saved) return false;
    try {
      const values = JSON.parse(saved);
      for (const skill of data.skills) {
        if (values.ratings && skill.id in values.ratings) {
          root.querySelector(`#planner-skill-${skill.id}`).value = values.ratings[skill.id];
        }
      }
      if (values.hours !== undefined) root.querySelector("#planner-hours").value = values.hours;
      return true;
    } catch {
      store.removeItem(STORAGE_KEY);
      return false;
    }
  }

  function setUp(root) {
    const data = JSON.parse(document.getElementById("course-planner-data").textContent);
    const form = root.querySelector("form");
    const remember = root.querySelector("#planner-remember");
    if (restore(root, data)) remember.checked = true;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const result = readForm(root, data);
      render(root, data, result);
      if (!result.problems.length && remember.checked) save(root, data);
    });
    remember.addEventListener("change", () => {
      const store = storage();
      if (!remember.checked && store) store.removeItem(STORAGE_KEY);
      else if (remember.checked) save(root, data);
    });
    root.querySelector(".planner-reset").addEventListener("click", () => {
      for (const skill of data.skills) root.querySelector(`#planner-skill-${skill.id}`).value = "0";
      root.querySelector("#planner-hours").value = String(data.default_hours);
      form.querySelectorAll("[aria-invalid]").forEach((el) => el.setAttribute("aria-invalid", "false"));
      root.querySelector(".planner-message").textContent = "Ratings reset to 0.";
      root.querySelector(".planner-output").replaceChildren();
    });
    root.classList.add("planner-ready");
    window.coursePlanner = { plan: (ratings, hours) => plan(data, ratings, hours), data };
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".course-planner").forEach(setUp);
  });
})();
