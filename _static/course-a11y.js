// Accessibility repairs for the book theme's chrome (found by axe-core in tests/test_browser.py).
// 1. The search button's aria-label ("Search") differs from its visible text ("Search Ctrl + K"), which
//    breaks voice control ("label-content-name-mismatch"): let the visible text be its name.
// 2. The sidebar's expand/collapse toggles are <summary> elements with only an icon inside
//    ("summary-name"): give each a name that says which section it opens.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".search-button__button[aria-label], .search-button-field[aria-label]").forEach((el) => {
    // Only where the button shows text: the phone-width navbar's icon-only button needs its label.
    if (el.textContent.trim()) el.removeAttribute("aria-label");
  });
  document.querySelectorAll("summary").forEach((summary) => {
    if (summary.textContent.trim() || summary.getAttribute("aria-label")) return;
    const link = summary.closest("li")?.querySelector(":scope > a");
    summary.setAttribute("aria-label", link ? `Show or hide the pages under ${link.textContent.trim()}` : "Show or hide");
  });
});
// 3. The colour-mode button's aria-label ("Color mode") is not its visible text either; its tooltip says
//    the same, so naming it by its title keeps one name for sighted and screen-reader users.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".theme-switch-button[aria-label]").forEach((el) => {
    el.removeAttribute("aria-label");
    if (!el.textContent.trim()) el.insertAdjacentHTML("beforeend", '<span class="visually-hidden">Color mode</span>');
  });
});
