const rules = new Intl.PluralRules("en-US");

export type PluralForms = { one: string; other: string };

/** The form of a word or phrase that goes with a count ("needs" / "need"), by Intl.PluralRules. */
export function plural(count: number, forms: PluralForms): string {
  return rules.select(count) === "one" ? forms.one : forms.other;
}

/** A count with its noun: "1 photo", "0 photos", "1,200 files", "3 people". */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${plural(count, { one, other })}`;
}
