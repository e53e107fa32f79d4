// The pad's Undo and Clear buttons (enabled while there is something to undo), its "Draw
// here" placeholder, and its shortcuts: Ctrl+Z undoes a stroke, Escape clears the pad.

const NOT_TEXT = new Set(['file', 'button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color']);

export function connectPadControls(pad, { undo, clear, placeholder }) {
  const sync = () => {
    undo.disabled = clear.disabled = pad.isEmpty;
    placeholder.hidden = !pad.isEmpty;
  };
  for (const type of ['stroke', 'strokeend', 'change']) pad.addEventListener(type, sync);
  undo.addEventListener('click', () => pad.undo());
  clear.addEventListener('click', () => pad.clear());
  // Anywhere on the page, but in a field where the keys edit text.
  const typingIn = (el) =>
    el instanceof HTMLTextAreaElement || el?.isContentEditable || (el instanceof HTMLInputElement && !NOT_TEXT.has(el.type));
  document.addEventListener('keydown', (e) => {
    if (typingIn(e.target)) return;
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      pad.undo();
    } else if (e.key === 'Escape' && !pad.isEmpty) {
      pad.clear();
    }
  });
  sync();
}
