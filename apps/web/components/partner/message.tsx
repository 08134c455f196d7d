/** The outcome of an action: an alert when it failed, a status message when it worked. */
export function Message({ text, error = false }: { text: string | null | undefined; error?: boolean }) {
  if (!text) return null;
  return (
    <p role={error ? "alert" : "status"} className={error ? "form-error" : "form-ok"}>
      {text}
    </p>
  );
}
