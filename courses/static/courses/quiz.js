// Save each answer as it changes, so a dropped connection or a reload loses nothing.
// Without this script the "Lưu" and "Nộp bài" buttons do the same work by plain POST.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form || !window.fetch) return;
  var state = document.getElementById("save-state");
  var version = form.querySelector('input[name="version"]');
  var pending = null;

  function save() {
    var body = new FormData(form);
    state.textContent = form.dataset.saving || "…";
    return fetch(form.action, {
      method: "POST",
      body: body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then(function (response) {
      return response.json().then(function (data) {
        if (response.ok) {
          version.value = data.version;
          state.textContent = "✓";
        } else if (data.stale || data.closed) {
          window.location.reload();
        } else {
          state.textContent = data.error || "";
        }
      });
    }).catch(function () {
      state.textContent = "⚠";
    });
  }

  form.addEventListener("change", function () {
    clearTimeout(pending);
    pending = setTimeout(save, 300);
  });

  var timer = document.querySelector("[data-seconds-left]");
  if (timer) {
    var left = parseInt(timer.dataset.secondsLeft, 10);
    var tick = function () {
      var m = Math.floor(left / 60), s = left % 60;
      timer.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      if (left <= 0) {
        form.action = form.dataset.submitUrl;
        form.submit();
        return;
      }
      left -= 1;
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
