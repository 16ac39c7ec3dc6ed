/** Offers text as a file download (a blob URL: nothing leaves the browser). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  if (typeof URL.createObjectURL !== 'function') return;
  // A BOM makes Excel read the UTF-8 CSV correctly.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
