/**
 * The types every dictionary is checked against. English is the source: another language must
 * have exactly the keys of the English file of the same namespace (`satisfies Shape<typeof en>`
 * fails on a missing or an extra key), and `MessageKey` lists every key a message may use.
 */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** Every dotted key of a dictionary, e.g. `cause.tcp-tw-recycle-nat.title`. */
export type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];
