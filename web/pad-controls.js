// The pad's Undo and Clear buttons (enabled while there is something to undo), its "Draw
// here" placeholder, and its shortcuts: Ctrl+Z undoes a stroke, Escape clears the pad.

export function connectPadControls(pad, { undo, clear, placeholder }) {
  const sync = () => {
    undo.disabled = clear.disabled = pad.isEmpty;
    placeholder.hidden = !pad.isEmpty;
  };
  for (const type of ['stroke', 'strokeend', 'change']) pad.addEventListener(type, sync);
  undo.addEventListener('click', () => pad.undo());
  clear.addEventListener('click', () => pad.clear());
  document.addEventListener('keydown', (e) => {
    const target = e.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      pad.undo();
    } else if (e.key === 'Escape' && !pad.isEmpty) {
      pad.clear();
    }
  });
  sync();
}
