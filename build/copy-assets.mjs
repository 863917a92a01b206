// Copies GOV.UK Frontend's JavaScript and assets (fonts, images) next to the compiled CSS.
import { cpSync, mkdirSync } from "node:fs";

const govuk = "node_modules/govuk-frontend/dist/govuk";
mkdirSync("static/dist", { recursive: true });
cpSync(`${govuk}/govuk-frontend.min.js`, "static/dist/govuk-frontend.min.js");
cpSync(`${govuk}/assets`, "static/assets", { recursive: true });
cpSync("static/src/app.js", "static/dist/app.js");
