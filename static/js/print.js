// Buttons marked data-print open the browser's print dialog (no inline script: CSP).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
