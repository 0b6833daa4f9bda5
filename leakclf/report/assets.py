"""The report's inline CSS and JS. Plain code, no framework, nothing fetched."""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root { --fg:#0f172a; --muted:#64748b; --line:#e2e8f0; --bg:#f8fafc; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--fg); background:var(--bg); }
header, section { max-width:1100px; margin:0 auto; padding:12px 24px; }
header { padding-top:24px; }
h1 { margin:0 0 4px; font-size:24px; } h2 { font-size:18px; border-bottom:1px solid var(--line); padding-bottom:4px; }
.sub, .note { color:var(--muted); margin:2px 0; }
.cards { display:flex; flex-wrap:wrap; gap:10px; }
.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:10px 14px; min-width:120px; }
.card b { display:block; font-size:22px; } .card span { color:var(--muted); }
.charts { display:flex; flex-wrap:wrap; gap:16px; } .chart { background:#fff; border:1px solid var(--line); border-radius:8px; max-width:100%; height:auto; }
table { border-collapse:collapse; width:100%; background:#fff; } table.compact { width:auto; align-self:flex-start; }
th, td { text-align:left; padding:4px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
td.num, th.num { text-align:right; } td.src { word-break:break-all; }
th button { all:unset; cursor:pointer; font-weight:600; } th[aria-sort=ascending] button::after { content:" ▲"; } th[aria-sort=descending] button::after { content:" ▼"; }
.lv { display:inline-block; white-space:nowrap; padding:0 6px; border-radius:4px; color:#fff; font-size:12px; }
.lv-public { background:#94a3b8; } .lv-internal { background:#60a5fa; } .lv-confidential { background:#f59e0b; } .lv-restricted { background:#dc2626; }
ol.top li { margin-bottom:8px; } ol.top ul { margin:2px 0; color:var(--muted); }
#file-table { table-layout:fixed; } #file-table td { overflow-wrap:break-word; }
#file-table col.c-src { width:26%; } #file-table col.c-type { width:10%; } #file-table col.c-lv { width:11%; } #file-table col.c-num { width:7%; } #file-table col.c-st { width:9%; }
#search { width:320px; padding:6px 8px; font-size:14px; border:1px solid var(--line); border-radius:6px; }
#count { color:var(--muted); margin-left:8px; }
"""

JS = """
(function () {
  "use strict";
  var table = document.getElementById("file-table");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var order = rows.map(function (r, i) { return i; });
  var limit = parseInt(table.getAttribute("data-limit"), 10) || rows.length;
  var showAll = false;
  var search = document.getElementById("search");
  var count = document.getElementById("count");
  var more = document.getElementById("show-all");
  // Show the rows that match every word, in the current order, at most `limit` of them
  // until "show all" is pressed; touch only rows whose visibility changes.
  function apply() {
    var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var matched = 0;
    order.forEach(function (i) {
      var ok = terms.every(function (t) { return texts[i].indexOf(t) >= 0; });
      if (ok) { matched += 1; }
      var hide = !ok || (!showAll && matched > limit);
      if (rows[i].hidden !== hide) { rows[i].hidden = hide; }
    });
    var shown = showAll ? matched : Math.min(matched, limit);
    count.textContent = matched + " of " + rows.length + " documents" +
      (shown < matched ? " (showing the first " + shown + ")" : "");
    more.hidden = shown >= matched;
  }
  search.addEventListener("input", apply);
  more.addEventListener("click", function () { showAll = true; apply(); });
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.querySelector("button").addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var num = th.classList.contains("num");
      var keys = rows.map(function (r) {
        var c = r.cells[col];
        var v = c.hasAttribute("data-v") ? c.getAttribute("data-v") : c.textContent;
        return num ? parseFloat(v) : v.toLowerCase();
      });
      order.sort(function (a, b) {
        if (keys[a] < keys[b]) { return asc ? -1 : 1; }
        if (keys[a] > keys[b]) { return asc ? 1 : -1; }
        return a - b;
      });
      var frag = document.createDocumentFragment();
      order.forEach(function (i) { frag.appendChild(rows[i]); });
      body.appendChild(frag);
      apply();
    });
  });
  apply();
})();
"""


def script_hash(script: str) -> str:
    """The CSP source for one inline script: only this exact script may run."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(script: str) -> str:
    """No network at all: nothing may load from anywhere, only our own script runs."""
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {script_hash(script)}; base-uri 'none'; form-action 'none'"
    )
