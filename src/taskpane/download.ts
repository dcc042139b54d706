// Offers bytes made in the pane as a download: a Blob URL on a transient <a download>. No server
// is involved, so the file never leaves the machine.
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export type SaveFile = (name: string, bytes: Uint8Array, mime?: string) => void;

export const downloadFile: SaveFile = (name, bytes, mime = DOCX_MIME) => {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the URL once click() returns; revoke it after the download starts.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
};
