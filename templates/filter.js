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
  // search.html: the words of ?q= in the prebuilt index (search-index.js: every word once,
  // and where its postings are). A word of three or more letters finds the words it occurs
  // in ("moratoria" finds "vertrekmoratoria"), a shorter one the words it begins; every word
  // of the question must be found. Case and accents are ignored, as the index folds them.
  // Only the parts the words need are loaded (zoek/p-*.js, zoek/e-*.js), 100 results at a time.
  // Results are built as text nodes, never as HTML.
  var results = document.getElementById("search-results"), index = window.toezegSearchIndex;
  if (results && index) {
    var fold = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
    var words = function (s) {
      var seen = {};
      return fold(s).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w && !seen[w] && (seen[w] = true); });
    };
    window.toezegSearch = window.toezegSearch || {postings: {}, entries: {}};
    var store = window.toezegSearch, loading = {};
    var load = function (src) {
      if (!loading[src]) {
        loading[src] = new Promise(function (done, failed) {
          var s = document.createElement("script");
          s.src = src + "?v=" + index.v;
          s.onload = done;
          s.onerror = function () { failed(new Error(src)); };
          document.head.appendChild(s);
        });
      }
      return loading[src];
    };
    var shardOf = function (word) {  // the shard holding the postings of words[word]
      var lo = 0, hi = index.starts.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (index.starts[mid] <= word) lo = mid; else hi = mid - 1;
      }
      return lo;
    };
    var q = new URLSearchParams(window.location.search).get("q") || "";
    var box = document.getElementById("search-q"), count = document.getElementById("search-count");
    var more = document.getElementById("search-more");
    box.value = q;
    var asked = words(q);
    var say = function (n) {
      count.textContent = (n === 1 ? "1 resultaat" : n + " resultaten") + " voor \u201c" + q + "\u201d";
    };
    var found = [];
    var show = function (from) {  // results from..from+99, after their entries are loaded
      var upto = Math.min(found.length, from + 100), blocks = {};
      for (var i = from; i < upto; i++) blocks[Math.floor(found[i] / index.block)] = true;
      return Promise.all(Object.keys(blocks).map(function (b) { return load("zoek/e-" + b + ".js"); })).then(function () {
        for (var i = from; i < upto; i++) {
          var e = store.entries[Math.floor(found[i] / index.block)][found[i] % index.block];
          var li = document.createElement("li"), a = document.createElement("a"), kind = document.createElement("span");
          kind.className = "note";
          kind.textContent = e[0] + " ";
          a.href = e[2];
          a.textContent = e[1];
          li.appendChild(kind);
          li.appendChild(a);
          results.appendChild(li);
        }
        more.hidden = upto >= found.length;
        more.onclick = function () { show(upto); };
      });
    };
    if (asked.length) {
      // For each asked word, the index's words that match it.
      var matching = asked.map(function (w) {
        var long = Array.from(w).length >= 3, out = [];
        for (var i = 0; i < index.words.length; i++) {
          var iw = index.words[i];
          if (long ? iw.indexOf(w) >= 0 : iw.lastIndexOf(w, 0) === 0) out.push(i);
        }
        return out;
      });
      var shards = {};
      matching.forEach(function (list) { list.forEach(function (i) { shards[shardOf(i)] = true; }); });
      Promise.all(Object.keys(shards).map(function (s) { return load("zoek/p-" + s + ".js"); })).then(function () {
        var hits = new Uint16Array(index.entries), mark = new Uint8Array(index.entries);
        matching.forEach(function (list, n) {
          mark.fill(0);
          list.forEach(function (i) {
            var s = shardOf(i), deltas = store.postings[s][i - index.starts[s]], at = 0;
            for (var k = 0; k < deltas.length; k++) {
              at += deltas[k];
              if (!mark[at]) { mark[at] = 1; if (hits[at] === n) hits[at] = n + 1; }
            }
          });
        });
        for (var e = 0; e < index.entries; e++) if (hits[e] === asked.length) found.push(e);
        say(found.length);
        return show(0);
      }).catch(function (err) {
        count.textContent = "Zoeken lukte niet: " + err.message + " ontbreekt.";
      });
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
