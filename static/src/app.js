// Progressive enhancement only: every page works without this file.
import { initAll } from "./govuk-frontend.min.js";

initAll();

// Import progress: poll the job's status while the page is open, then follow the link when it is done.
const progress = document.querySelector("[data-import-progress]");
if (progress) {
  const url = progress.getAttribute("data-import-progress");
  const timer = setInterval(async () => {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const job = await response.json();
    const bar = progress.querySelector("progress");
    const text = progress.querySelector("[data-progress-text]");
    if (bar) {
      bar.max = job.total_rows || 1;
      bar.value = job.processed_rows;
    }
    if (text) text.textContent = `${job.processed_rows} of ${job.total_rows} rows`;
    if (job.finished) {
      clearInterval(timer);
      window.location.reload();
    }
  }, 1000);
}
