// Reads a record form into the API's typed input. Text goes to the API as typed, which checks it
// and names every faulty field; what GraphQL itself could not carry (a missing choice, a number
// that is not one) is caught here first, with the same kind of message.
export interface FormReader {
  text(name: string): string;
  optionalText(name: string): string | null;
  integer(name: string): number;
  choice<V extends string>(name: string, values: readonly [V, ...V[]]): V;
  optionalChoice<V extends string>(name: string, values: readonly V[]): V | null;
  checkbox(name: string): boolean;
  /** Problems found while reading, by field name. */
  readonly problems: Record<string, string>;
}

/** A form field's text, trimmed; "" when absent or a file. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export function formReader(form: FormData): FormReader {
  const problems: Record<string, string> = {};
  const raw = (name: string) => formText(form, name);
  return {
    problems,
    text: raw,
    optionalText: (name) => raw(name) || null,
    integer(name) {
      const value = raw(name);
      if (!/^-?\d+$/.test(value)) problems[name] = value === "" ? "Champ obligatoire." : "Nombre entier attendu.";
      return Number(value);
    },
    choice(name, values) {
      const value = values.find((v) => v === raw(name));
      if (value === undefined) problems[name] = raw(name) === "" ? "Champ obligatoire." : "Choisissez une valeur de la liste.";
      return value ?? values[0];
    },
    optionalChoice(name, values) {
      const value = values.find((v) => v === raw(name));
      if (value === undefined && raw(name) !== "") problems[name] = "Choisissez une valeur de la liste.";
      return value ?? null;
    },
    checkbox: (name) => form.get(name) === "on",
  };
}
