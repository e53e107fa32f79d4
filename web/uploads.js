// Where images come from: the file picker, the camera, a drop anywhere on the page, or the
// clipboard. One image goes to one(file), several to several(files).

export function receiveUploads({ inputs, one, several }) {
  const take = (list) => {
    const files = [...list].filter((f) => f instanceof Blob);
    if (files.length === 1) one(files[0]);
    else if (files.length > 1) several(files);
  };

  for (const input of inputs) {
    input.addEventListener('change', () => {
      take(input.files);
      input.value = '';
    });
  }

  // Drag and drop anywhere on the page. Entering a child fires dragenter before the parent's
  // dragleave, so the overlay stays up until the drag has left every element it entered.
  let dragDepth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const dragging = (on) => document.body.classList.toggle('dragging', on);
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth++;
    dragging(true);
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', () => {
    if (--dragDepth <= 0) {
      dragDepth = 0;
      dragging(false);
    }
  });
  window.addEventListener('drop', (e) => {
    dragDepth = 0;
    dragging(false);
    if (!hasFiles(e)) return;
    e.preventDefault();
    take(e.dataTransfer.files);
  });

  // An image (or image files) pasted from the clipboard.
  document.addEventListener('paste', (e) => {
    const files = [...(e.clipboardData?.files ?? [])];
    if (files.length === 0) return;
    e.preventDefault();
    take(files);
  });
}
