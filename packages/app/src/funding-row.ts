// A funding as the database stores it, from the domain's input: the defaults a partner may leave
// out (cash, paid at once, not notified to the EU) and the dates. Forms and imports share it.
import type { FundingInput } from "@oess/domain";

export const isoDate = (value: string | null | undefined): Date | null => (value ? new Date(`${value}T00:00:00Z`) : null);

export const fundingRow = (input: FundingInput): Record<string, unknown> => ({
  ...input,
  aidNature: input.aidNature ?? "CASH",
  paymentTerms: input.paymentTerms ?? "unique",
  euNotification: input.euNotification ?? false,
  decisionDate: isoDate(input.decisionDate),
  conventionDate: isoDate(input.conventionDate),
  paymentStart: isoDate(input.paymentStart),
  paymentEnd: isoDate(input.paymentEnd),
});
