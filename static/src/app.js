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
    const count = (n) => Number(n).toLocaleString("en-GB");
    if (text) text.textContent = `${count(job.processed_rows)} of ${count(job.total_rows)} rows`;
    if (job.finished) {
      clearInterval(timer);
      window.location.reload();
    }
  }, 1000);
}

// Attendee picker (log a contact): suggestions as you type. Without this the "Find stakeholders" button does the same.
const picker = document.querySelector("[data-attendee-picker]");
if (picker) {
  const input = picker.querySelector("input[name=attendee_search]");
  const list = document.createElement("ul");
  list.className = "govuk-list app-suggestions";
  list.id = "attendee-suggestions";
  const status = document.createElement("p");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  input.insertAdjacentElement("afterend", list);
  list.insertAdjacentElement("afterend", status);
  input.setAttribute("aria-controls", list.id);
  let timer;
  const tick = (person) => {
    let group = picker.querySelector(".govuk-checkboxes");
    if (!group) {
      group = document.createElement("div");
      group.className = "govuk-checkboxes govuk-checkboxes--small";
      picker.querySelector("[data-attendee-list]").replaceChildren(group);
    }
    const existing = group.querySelector(`input[value="${person.id}"]`);
    if (existing) {
      existing.checked = true;
      return;
    }
    const item = document.createElement("div");
    item.className = "govuk-checkboxes__item";
    const box = Object.assign(document.createElement("input"), {
      className: "govuk-checkboxes__input", type: "checkbox", name: "stakeholders", value: person.id,
      id: `stakeholders-picked-${person.id}`, checked: true,
    });
    const label = Object.assign(document.createElement("label"), {
      className: "govuk-label govuk-checkboxes__label", htmlFor: box.id, textContent: person.label,
    });
    item.append(box, label);
    group.append(item);
    status.textContent = `${person.label} added to the attendees`;
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      list.replaceChildren();
      if (q.length < 2) return;
      const response = await fetch(`${picker.dataset.suggestUrl}?q=${encodeURIComponent(q)}`, {
        headers: { Accept: "application/json" },
      });
      if (!response.ok) return;
      const people = await response.json();
      status.textContent = `${people.length} suggestions`;
      for (const person of people) {
        const button = Object.assign(document.createElement("button"), {
          type: "button", className: "govuk-button govuk-button--secondary govuk-!-margin-bottom-1",
          textContent: `Add ${person.label}`,
        });
        button.addEventListener("click", () => tick(person));
        const li = document.createElement("li");
        li.append(button);
        list.append(li);
      }
    }, 250);
  });
}
