"""The report's inline CSS and JS. Plain code, no framework, nothing fetched."""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root { --fg:#0f172a; --muted:#64748b; --line:#e2e8f0; --bg:#f8fafc; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--fg); background:var(--bg); }
header, section { margin:0; padding:12px 24px; }
header { padding-top:24px; }
h1 { margin:0 0 4px; font-size:24px; } h2 { font-size:18px; border-bottom:1px solid var(--line); padding-bottom:4px; }
.sub, .note { color:var(--muted); margin:2px 0; }
.warn { background:#fef2f2; border:1px solid #dc2626; color:#7f1d1d; border-radius:6px; padding:8px 12px; }
.cards { display:flex; flex-wrap:wrap; gap:10px; }
.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:10px 14px; min-width:120px; max-width:260px; }
.card b { display:block; font-size:22px; } .card span { color:var(--muted); }
.charts { display:flex; flex-wrap:wrap; gap:16px; } .chart { background:#fff; border:1px solid var(--line); border-radius:8px; max-width:100%; height:auto; }
table { border-collapse:collapse; width:100%; background:#fff; } table.compact { width:auto; align-self:flex-start; }
th, td { text-align:left; padding:4px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
td.num, th.num { text-align:right; } td.src { word-break:break-all; }
td.date, th.date { white-space:nowrap; }
th button { all:unset; cursor:pointer; font-weight:600; } th[aria-sort=ascending] button::after { content:" ▲"; } th[aria-sort=descending] button::after { content:" ▼"; }
.lv { display:inline-block; white-space:nowrap; padding:0 6px; border-radius:4px; color:#fff; font-size:12px; }
.lv-public { background:#94a3b8; } .lv-internal { background:#60a5fa; } .lv-confidential { background:#f59e0b; } .lv-restricted { background:#dc2626; }
ol.top li { margin-bottom:8px; } ol.top ul { margin:2px 0; color:var(--muted); } li.found b { color:var(--fg); font-weight:600; }
.scroll { overflow-x:auto; }
#file-table { table-layout:fixed; min-width:1000px; } #file-table td { overflow-wrap:break-word; }
#file-table td:nth-child(3), #file-table td.date { white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
#file-table col.c-src { width:24%; } #file-table col.c-type { width:8%; } #file-table col.c-lv { width:8%; }
#file-table col.c-num { width:5.5%; } #file-table col.c-ent { width:16%; } #file-table col.c-why { width:17%; }
#file-table col.c-st { width:8%; } #file-table col.c-date { width:8%; }
.filters { display:flex; flex-wrap:wrap; gap:8px 14px; align-items:center; margin:8px 0; }
.filters select, .filters button { font-size:14px; padding:4px 6px; border:1px solid var(--line); border-radius:6px; background:#fff; }
#search { width:320px; padding:6px 8px; font-size:14px; border:1px solid var(--line); border-radius:6px; }
#count { color:var(--muted); }
"""

JS = """
(function () {
  "use strict";
  var table = document.getElementById("file-table");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var attrs = rows.map(function (r) {
    return [r.getAttribute("data-l"), r.getAttribute("data-t"), r.getAttribute("data-f"),
            r.getAttribute("data-u")];
  });
  var order = rows.map(function (r, i) { return i; });
  var limit = parseInt(table.getAttribute("data-limit"), 10) || rows.length;
  var showAll = false;
  var matches = [];
  var search = document.getElementById("search");
  var selects = ["f-level", "f-type", "f-folder", "f-unread"].map(function (id) {
    return document.getElementById(id);
  });
  var count = document.getElementById("count");
  var more = document.getElementById("show-all");
  // Show the rows that pass every filter and match every word, in the current order, at most
  // `limit` of them until "show all" is pressed; touch only rows whose visibility changes.
  function apply() {
    var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var want = selects.map(function (s) { return s.value; });
    matches = [];
    order.forEach(function (i) {
      var a = attrs[i];
      var ok = (!want[0] || a[0] === want[0]) && (!want[1] || a[1] === want[1]) &&
        (!want[2] || a[2] === want[2]) && (!want[3] || a[3] === want[3]) &&
        terms.every(function (t) { return texts[i].indexOf(t) >= 0; });
      if (ok) { matches.push(i); }
      var hide = !ok || (!showAll && matches.length > limit);
      if (rows[i].hidden !== hide) { rows[i].hidden = hide; }
    });
    var matched = matches.length;
    var shown = showAll ? matched : Math.min(matched, limit);
    count.textContent = matched + " of " + rows.length + " documents" +
      (shown < matched ? " (showing the first " + shown + ")" : "");
    more.hidden = shown >= matched;
  }
  search.addEventListener("input", apply);
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  more.addEventListener("click", function () { showAll = true; apply(); });
  // CSV of every row that passes the filters (not only the page shown), in the current
  // order, cells as shown: masked previews and labels only. Built here; nothing is fetched.
  function cell(text) {
    var t = text.replace(/\\s+/g, " ").trim();
    if (/^[=+\\-@]/.test(t)) { t = "'" + t; }  // never a formula in a spreadsheet
    return /[",\\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  }
  document.getElementById("export").addEventListener("click", function () {
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return cell(th.textContent.replace(/[▲▼]/g, ""));
    });
    var lines = [heads.join(",")];
    matches.forEach(function (i) {
      lines.push(Array.prototype.map.call(rows[i].cells, function (td) {
        return cell(td.textContent);
      }).join(","));
    });
    var blob = new Blob(["\\ufeff" + lines.join("\\r\\n") + "\\r\\n"],
                        { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "leakclf-documents.csv";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  });
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
