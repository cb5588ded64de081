// Progressive enhancement of the upvote buttons: without this script each one is a
// form that posts and comes back to the same place; with it, the vote is sent in the
// background and the button and count update in place. No dependencies.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("upvote-form")) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector("button.upvote");
    var count = form.querySelector(".upvote-count");
    var label = form.querySelector(".upvote-label");
    if (button) { button.disabled = true; }
    fetch(form.action, {
      method: "POST",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(new FormData(form)).toString(),
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (!result.ok) {
        if (count) { count.textContent = result.data.error || count.textContent; }
        return;
      }
      var data = result.data;
      if (button) {
        button.setAttribute("aria-pressed", data.upvoted ? "true" : "false");
        button.classList.toggle("upvoted", data.upvoted);
      }
      if (label) { label.textContent = data.label; }
      var vote = form.querySelector("input[name=vote]");
      if (vote) { vote.value = data.upvoted ? "remove" : "add"; }
      if (count) { count.textContent = data.count_text; }
    }).catch(function () {
      // The network failed: fall back to the plain form post.
      form.submit();
    }).finally(function () {
      if (button) { button.disabled = false; }
    });
  });
})();
