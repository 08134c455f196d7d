"use client";
// A form posted to a server action: it works without JavaScript (the page comes back with the
// action's answer), and with it, the answer appears in place without a reload.
import { type ReactNode, useActionState } from "react";
import type { ActionState } from "../../lib/partner/action-state";
import { Message } from "./message";

export function ActionForm({
  action,
  hidden,
  children,
  submit,
  className,
  secondary = false,
  confirm,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  children?: ReactNode;
  submit: string;
  className?: string;
  secondary?: boolean;
  /** Asked before sending, when JavaScript runs (a page of its own confirms bulk actions). */
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className={className}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className={secondary ? "secondary" : undefined} disabled={pending}>
        {submit}
      </button>
      <Message text={state.error ?? state.ok} error={state.error !== undefined} />
    </form>
  );
}
