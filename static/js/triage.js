// Keyboard triage for the moderation queue, and canned responses on a review page.
// Everything here is also possible without JavaScript: the keys only press the
// buttons and fill the fields that are already on the page.
(function () {
  "use strict";

  // A canned response fills the response box (the server also accepts the template
  // alone, for visitors without JavaScript).
  var templateSelect = document.getElementById("template_id");
  var responseBox = document.getElementById("response");
  if (templateSelect && responseBox) {
    templateSelect.addEventListener("change", function () {
      var option = templateSelect.options[templateSelect.selectedIndex];
      if (option && option.dataset.body) { responseBox.value = option.dataset.body; }
    });
  }

  var table = document.querySelector("table[data-triage]");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll("tr.queue-row"));
  var hint = document.querySelector("[data-triage-hint]");
  if (hint) { hint.hidden = false; }
  var script = document.currentScript || document.querySelector("script[data-reason-prompt]");
  var reasonPrompt = script ? script.dataset.reasonPrompt : "Reason";
  var canonicalPrompt = script ? script.dataset.canonicalPrompt : "Tracking number";
  var storageKey = "kenes-triage:" + location.pathname + location.search;
  var current = Math.min(parseInt(sessionStorage.getItem(storageKey) || "0", 10) || 0, rows.length - 1);

  function select(index) {
    if (!rows.length) { return; }
    current = Math.max(0, Math.min(index, rows.length - 1));
    rows.forEach(function (row, i) {
      row.classList.toggle("current", i === current);
      row.setAttribute("aria-selected", i === current ? "true" : "false");
    });
    rows[current].focus();
    sessionStorage.setItem(storageKey, String(current));
  }

  function form(key) {
    return rows[current] && rows[current].querySelector('form[data-key="' + key + '"]');
  }

  function submit(f) {
    if (f) { f.requestSubmit ? f.requestSubmit() : f.submit(); }
  }

  var codes = ["off_topic", "spam", "abusive", "personal_data", "unclear", "other"];

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    var f;
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "o":
        if (rows[current]) { location.href = rows[current].dataset.href; }
        break;
      case "p": submit(form("publish")); break;
      case "a": submit(form("assign")); break;
      case "r":
        f = form("reject");
        if (!f) { return; }
        var answer = window.prompt(reasonPrompt, "off_topic");
        if (answer === null) { return; }
        answer = answer.trim();
        var code = codes.indexOf(answer) >= 0 ? answer : "other";
        f.querySelector('[name="reason_code"]').value = code;
        f.querySelector('[name="reason_text"]').value = code === "other" ? answer : "";
        submit(f);
        break;
      case "d":
        f = form("merge");
        if (!f) { return; }
        var number = window.prompt(canonicalPrompt, "");
        if (!number) { return; }
        f.querySelector('[name="canonical"]').value = number.trim();
        submit(f);
        break;
      case "?":
        var help = document.getElementById("triage-help");
        if (help && help.showModal) { help.showModal(); }
        break;
      default: return;
    }
    event.preventDefault();
  });

  select(current);
})();
