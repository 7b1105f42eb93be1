// claimtrace review page: the tooltip of a highlight, the evidence of a claim or deal row,
// the deals filters and sortable tables. Text is only ever set with textContent.
(function () {
  "use strict";
  var tip = document.getElementById("tip");

  function showTip(mark) {
    tip.textContent = mark.getAttribute("data-info").split(" · ").join("\n");
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    tip.style.left = Math.max(4, box.left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }
  function hideTip() { tip.hidden = true; }
  function infoMark(target) { return target.closest ? target.closest("mark[data-info]") : null; }
  document.addEventListener("mouseover", function (e) { var m = infoMark(e.target); if (m) showTip(m); });
  document.addEventListener("mouseout", function (e) { if (infoMark(e.target)) hideTip(); });
  document.addEventListener("focusin", function (e) { var m = infoMark(e.target); if (m) showTip(m); else hideTip(); });

  // Every element of a mention (its own and its continuations) in one document section.
  function mentionElements(section, mentionId) {
    var key = CSS.escape(section.getAttribute("data-doc") + ":" + mentionId);
    return section.querySelectorAll('[data-mention="' + key + '"], [data-mention-cont="' + key + '"]');
  }
  function selectEvidence(row) {
    var section = row.closest("section.document");
    document.querySelectorAll("mark.evidence").forEach(function (m) { m.classList.remove("evidence"); });
    document.querySelectorAll("tr.selected").forEach(function (r) { r.classList.remove("selected"); });
    row.classList.add("selected");
    var first = null;
    row.getAttribute("data-evidence").split("|").forEach(function (id) {
      if (!id) return;
      mentionElements(section, id).forEach(function (m) { m.classList.add("evidence"); first = first || m; });
    });
    if (first) first.scrollIntoView({ block: "center", behavior: "auto" });
  }
  document.addEventListener("click", function (e) {
    var row = e.target.closest && e.target.closest("tr.evidence-row");
    if (row && !e.target.closest("a")) selectEvidence(row);
  });
  document.addEventListener("keydown", function (e) {
    if ((e.key === "Enter" || e.key === " ") && e.target.matches && e.target.matches("tr.evidence-row")) {
      e.preventDefault();
      selectEvidence(e.target);
    }
  });

  // Deals filters: a row shows when it matches every chosen value.
  var filters = document.querySelectorAll("select[data-filter]");
  function applyFilters() {
    var rows = document.querySelectorAll("#deals-table tbody tr"), shown = 0;
    rows.forEach(function (row) {
      var visible = true;
      filters.forEach(function (select) {
        var want = select.value, key = select.getAttribute("data-filter");
        if (!want) return;
        var have = row.getAttribute("data-" + key);
        visible = visible && (key === "country" ? have === want : have.indexOf("|" + want + "|") >= 0);
      });
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    var count = document.getElementById("deals-count");
    if (count) count.textContent = shown + " of " + rows.length + " deals";
  }
  filters.forEach(function (select) { select.addEventListener("change", applyFilters); });

  // Sortable tables: a header button sorts by its column, again to reverse.
  function cellKey(cell, numeric) {
    var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
    if (!numeric) return raw.toLowerCase();
    var number = parseFloat(raw.replace(/,/g, ""));
    return isNaN(number) ? -Infinity : number;
  }
  document.querySelectorAll("table.sortable th button").forEach(function (button) {
    button.addEventListener("click", function () {
      var th = button.closest("th"), table = th.closest("table"), body = table.tBodies[0];
      var column = Array.prototype.indexOf.call(th.parentNode.children, th);
      var numeric = button.getAttribute("data-sort") === "number";
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = cellKey(a.cells[column], numeric), y = cellKey(b.cells[column], numeric);
        return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
