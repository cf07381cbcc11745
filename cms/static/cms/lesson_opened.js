// Tell the server this lesson has been opened, so that "Khoá học của tôi" resumes
// here. Showing a page writes nothing; the page posts the visit once it is shown.
// Without JavaScript, "Đánh dấu đã học xong" records the opening as it marks done.
(function () {
  var form = document.getElementById("lesson-opened");
  if (!form) return;
  var data = new FormData(form);
  if (navigator.sendBeacon && navigator.sendBeacon(form.action, data)) return;
  if (window.fetch) {
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      keepalive: true,
    });
  }
})();
