// Live character counts under text areas marked data-character-count="<count id>".
// The count itself changes as the person types; screen readers hear it through a
// polite live region (data-announce) once typing pauses, not at every key.
const PAUSE_MS = 800;
const format = (n) => n.toLocaleString("en-US");

document.querySelectorAll("textarea[data-character-count]").forEach((area) => {
  const count = document.getElementById(area.dataset.characterCount);
  const announce = document.querySelector(`[data-announce="${count.id}"]`);
  const max = Number(count.dataset.max);
  let timer;

  const message = () => {
    // As the server counts: characters, not UTF-16 units, and a line break is one.
    const used = Array.from(area.value.trim()).length;
    if (used > max) {
      return `${format(used)} of ${format(max)} characters: ${format(used - max)} too many`;
    }
    return `${format(used)} of ${format(max)} characters`;
  };

  area.addEventListener("input", () => {
    const text = message();
    count.textContent = text;
    count.classList.toggle("text-danger", text.endsWith("too many"));
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (announce) announce.textContent = text;
    }, PAUSE_MS);
  });
});
