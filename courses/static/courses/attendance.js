// Roll call without a page reload: post the tapped button, then show what the server
// saved. Without this script the same forms post and redirect.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.id !== "rc" || !window.fetch) return;
  event.preventDefault();
  var data = new FormData(form, event.submitter);
  fetch(form.action, {
    method: "POST",
    body: data,
    headers: { Accept: "application/json" },
    credentials: "same-origin",
  })
    .then(function (response) {
      return response.json();
    })
    .then(function (answer) {
      if (answer.error) {
        alert(answer.error);
        return;
      }
      Object.keys(answer.statuses).forEach(function (id) {
        var row = document.getElementById("e" + id);
        if (!row) return;
        var status = answer.statuses[id];
        row.querySelectorAll("button").forEach(function (button) {
          // A button's value is the enrollment id and the status's first letter.
          var on = status !== "" && button.value.slice(-1) === status[0];
          if (on) button.setAttribute("aria-pressed", "true");
          else button.removeAttribute("aria-pressed");
        });
      });
      Object.keys(answer.counts).forEach(function (key) {
        var cell = document.querySelector('#counts [data-c="' + key + '"]');
        if (cell) cell.textContent = answer.counts[key];
      });
    })
    .catch(function () {
      alert(form.dataset.offline);
    });
});
