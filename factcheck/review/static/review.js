// Keyboard review of the queue and live progress of comparisons. Article text is only
// ever written with textContent: it is untrusted.
(function () {
  "use strict";
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var KEYS = { a: "accepted", d: "dismissed", f: "follow_up", u: "open" };

  function cards() { return Array.prototype.slice.call(document.querySelectorAll(".finding")); }

  function select(card) {
    document.querySelectorAll(".finding.active, .seg.focus").forEach(function (el) {
      el.classList.remove("active", "focus");
    });
    if (!card) { return; }
    card.classList.add("active");
    card.scrollIntoView({ block: "nearest" });
    var ids = card.dataset.claims.split(" ");
    var first = {};
    document.querySelectorAll(".seg").forEach(function (seg) {
      var mine = seg.dataset.claims.split(" ").some(function (id) { return ids.indexOf(id) >= 0; });
      if (mine) {
        seg.classList.add("focus");
        var column = seg.closest(".source");
        if (column && !first[column.id]) {
          first[column.id] = true;
          column.scrollTop = seg.offsetTop - column.offsetTop - 40;
        }
      }
    });
  }

  function active() { return document.querySelector(".finding.active"); }

  function move(step) {
    var list = cards();
    if (!list.length) { return; }
    var index = list.indexOf(active());
    index = index < 0 ? 0 : Math.min(list.length - 1, Math.max(0, index + step));
    select(list[index]);
  }

  function decide(card, status) {
    var note = card.querySelector("textarea[name=note]");
    fetch("/api/findings/" + card.dataset.id + "/decision", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ status: status, note: note ? note.value : "" })
    }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (finding) {
      card.className = card.className.replace(/status-\S+/, "status-" + finding.status);
      card.querySelector(".status").textContent = finding.status;
      var decided = card.querySelector(".decided");
      if (!decided) {
        decided = document.createElement("div");
        decided.className = "muted decided";
        card.appendChild(decided);
      }
      decided.textContent = finding.status + " by " + finding.decided_by + " at " + finding.decided_at;
      move(1);
    }).catch(function (error) {
      card.querySelector(".status").textContent = "not saved: " + error.message;
    });
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target.matches("textarea, input, select")) {
      if (event.key === "Escape") { target.blur(); }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || !cards().length) { return; }
    if (event.key === "j") { move(1); }
    else if (event.key === "k") { move(-1); }
    else if (KEYS[event.key] && active()) { decide(active(), KEYS[event.key]); }
    else if (event.key === "n" && active()) {
      event.preventDefault();
      active().querySelector("textarea[name=note]").focus();
    } else { return; }
    event.preventDefault();
  });

  cards().forEach(function (card) {
    card.addEventListener("click", function (event) {
      if (!event.target.closest("form")) { select(card); }
    });
  });
  if (location.hash.indexOf("#finding-") === 0) {
    select(document.getElementById(location.hash.slice(1)));
  }

  // A comparison running in the background: poll its progress until it ends.
  var job = document.getElementById("job");
  if (job) {
    var poll = function () {
      fetch("/api/jobs/" + job.dataset.id, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (state) {
          document.getElementById("job-progress").value = state.progress;
          document.getElementById("job-message").textContent = state.message;
          document.getElementById("job-error").textContent = state.error || "";
          if (state.state === "done") {
            location.href = "/stories/" + state.story_id;
          } else if (state.state !== "failed") {
            setTimeout(poll, 1000);
          }
        });
    };
    if (job.dataset.state === "queued" || job.dataset.state === "running") { poll(); }
  }
})();
