// newslint's HTML report: a popover with the message of every finding under the pointer
// or the keyboard focus (the mark's own and those it sits in). Text is copied with
// textContent, never parsed as HTML. Without this script the marks keep their `title`.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var marks = document.querySelectorAll("mark.hl");
  marks.forEach(function (mark) {
    if (mark.hasAttribute("title")) { mark.removeAttribute("title"); }
  });

  function findings(mark) {
    var ids = [];
    for (var node = mark; node && node.classList; node = node.parentElement) {
      if (node.matches("mark.hl") && ids.indexOf(node.dataset.finding) < 0) { ids.push(node.dataset.finding); }
    }
    return ids;
  }

  function show(mark) {
    tip.textContent = "";
    findings(mark).forEach(function (key) {
      var first = document.querySelector('mark.hl[data-finding="' + key + '"]:not(.cont)');
      var note = first && document.getElementById(first.getAttribute("aria-describedby"));
      if (!note || hidden(first)) { return; }  // its family is filtered out
      var line = document.createElement("p");
      var rule = document.createElement("span");
      rule.className = "rule";
      rule.textContent = first.dataset.rule + " (" + first.dataset.severity + ") ";
      line.appendChild(rule);
      line.appendChild(document.createTextNode(note.querySelector(".message").textContent));
      var suggestion = note.querySelector(".suggestion");
      if (suggestion) { line.appendChild(document.createTextNode(" " + suggestion.textContent)); }
      tip.appendChild(line);
    });
    if (!tip.firstChild) { hide(); return; }
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(left, 8) + "px";
    tip.style.top = box.bottom + window.scrollY + 8 + "px";
  }

  function hidden(mark) {
    var box = document.getElementById("show-" + mark.className.match(/fam-([\w-]+)/)[1]);
    return box && !box.checked;
  }

  function hide() { tip.hidden = true; }

  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest && event.target.closest("mark.hl");
    if (mark) { show(mark); } else { hide(); }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches("mark.hl")) { show(event.target); } else { hide(); }
  });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(); } });
})();
