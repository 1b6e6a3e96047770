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
      var ok = (!status || (status === "overdue" ? d.overdue === "true" :
                            status === "long-open" ? d.longOpen === "true" : d.status === status)) &&
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
  // search.html: the words of ?q= in the prebuilt index (search-index.js); all words must occur,
  // case and accents ignored. Results are built as text nodes, never as HTML.
  var results = document.getElementById("search-results");
  if (results && window.toezegSearchIndex) {
    var fold = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
    var q = new URLSearchParams(window.location.search).get("q") || "";
    var box = document.getElementById("search-q"), count = document.getElementById("search-count");
    box.value = q;
    var words = fold(q).split(/\s+/).filter(function (w) { return w.length > 0; });
    var found = 0;
    if (words.length) {
      window.toezegSearchIndex.forEach(function (e) {
        var hay = fold(e.title + " " + e.text);
        if (!words.every(function (w) { return hay.indexOf(w) >= 0; })) return;
        found++;
        var li = document.createElement("li"), a = document.createElement("a"), kind = document.createElement("span");
        kind.className = "note";
        kind.textContent = e.type + " ";
        a.href = e.page;
        a.textContent = e.title;
        li.appendChild(kind);
        li.appendChild(a);
        results.appendChild(li);
      });
      count.textContent = found === 1 ? "1 resultaat voor \u201c" + q + "\u201d" : found + " resultaten voor \u201c" + q + "\u201d";
    } else {
      count.textContent = "Typ een of meer woorden.";
    }
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
