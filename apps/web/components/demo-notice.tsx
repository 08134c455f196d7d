import { DEMO_DATA_NOTICE } from "@oess/domain/indicators";

/** Shown wherever figures of the generated demo dataset appear. */
export function DemoNotice({ notice = DEMO_DATA_NOTICE }: { notice?: string }) {
  const [title, ...rest] = notice.split(" : ");
  return (
    <p className="demo-notice" role="note">
      <strong>{title} :</strong> {rest.join(" : ")}
    </p>
  );
}
