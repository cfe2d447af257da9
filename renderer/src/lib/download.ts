/** Hands a file the engine built (base64) to the browser as a download (web host and Electron alike). */
export function downloadFile(file: { fileName: string; mimeType: string; base64: string }): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes by the next tick; later is kind to slow machines.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
