// Copy buttons: [data-copy] names the field whose value is copied; the card's status line says what happened.
import { byId, say } from './dom.js';

export function setUpCopyButtons() {
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-copy]');
    if (!button) return;

    const field = byId(button.dataset.copy);
    const status = button.closest('section')?.querySelector('.status, [role="status"]');
    try {
      await navigator.clipboard.writeText(field.value);
      if (status) say(status, `Copied the ${button.dataset.copyName}.`);
    } catch {
      field.select();
      if (status) say(status, `The browser did not allow copying: the ${button.dataset.copyName} is selected, press Ctrl+C.`);
    }
  });
}
