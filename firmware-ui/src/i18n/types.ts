/** Plural forms by Intl.PluralRules category; Polish needs one, few and many. */
export type Plural = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
