/** Plural forms by Intl.PluralRules category; Polish needs one, few and many. */
export type Plural = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** A language's version of an English part: every key, with a plural wherever English has one. */
export type Strings<E> = { [K in keyof E]: E[K] extends string ? string : Plural };

/** A part's strings in one language, as its module exports them. */
export type Part = Record<string, string | Plural>;
