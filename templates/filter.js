// Filters and sorts the tables of the report. The tables are complete without it.
// Initial filter values may come from the address: index.html?status=open&kind=motion.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var table = document.getElementById("items");
  function apply() {
    if (!form || !table) return;
    var status = form.elements.status.value, kind = form.elements.kind.value;
    var member = form.elements.member.value.trim().toLowerCase(), actor = form.elements.actor.value;
    var shown = 0, rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var d = rows[i].dataset;
      var ok = (!status || (status === "overdue" ? d.overdue === "true" : d.status === status)) &&
               (!kind || d.kind === kind) && (!member || d.member.indexOf(member) >= 0) &&
               (!actor || d.actor === actor);
      rows[i].hidden = !ok;
      if (ok) shown++;
    }
    form.elements.shown.value = shown + " van " + rows.length + " getoond";
  }
  if (form) {
    var params = new URLSearchParams(window.location.search);
    ["status", "kind", "member", "actor"].forEach(function (name) {
      if (params.has(name)) form.elements[name].value = params.get(name);
    });
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (t) {
    Array.prototype.forEach.call(t.tHead.rows[0].cells, function (th, col) {
      th.setAttribute("aria-sort", "none");
      th.tabIndex = 0;
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(t.tHead.rows[0].cells, function (c) { c.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = t.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].dataset.sort || a.cells[col].textContent;
          var y = b.cells[col].dataset.sort || b.cells[col].textContent;
          return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
    });
  });
})();
