// Landing on a ledger row (#task-N) opens its history and status form.
function openTarget() {
  var row = location.hash && document.getElementById(location.hash.slice(1));
  var details = row && row.querySelector("details");
  if (details) { details.open = true; row.scrollIntoView({block: "center"}); }
}
window.addEventListener("DOMContentLoaded", openTarget);
window.addEventListener("hashchange", openTarget);
